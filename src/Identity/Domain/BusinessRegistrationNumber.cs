namespace Marketplace.Identity.Domain;

/// <summary>
/// Korean business registration number (사업자등록번호): 10 digits, often written 123-45-67890. The last
/// digit is a check digit over the first nine with weights 1,3,7,1,3,7,1,3,5, plus the tens of
/// (ninth digit × 5), as the National Tax Service defines it.
/// </summary>
public static class BusinessRegistrationNumber
{
    private static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    /// <summary>The 10 digits without separators, or null when the input is not a valid number.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var digits = input.Replace("-", "").Trim();
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        sum += (digits[8] - '0') * 5 / 10;
        var check = (10 - sum % 10) % 10;
        return check == digits[9] - '0' ? digits : null;
    }
}
