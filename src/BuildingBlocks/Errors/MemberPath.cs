namespace Marketplace.BuildingBlocks.Errors;

/// <summary>
/// The one spelling of a member in an error: its JSON path as the client sent it, in camelCase
/// (<c>classification.processStage</c>, <c>structure.fields[0].name</c>), whatever C# name the code used.
/// </summary>
public static class MemberPath
{
    public static string Of(string member) =>
        string.Join('.', member.Split('.').Select(segment => segment.Length > 0 && char.IsUpper(segment[0])
            ? char.ToLowerInvariant(segment[0]) + segment[1..]
            : segment));
}
