namespace Marketplace.Host;

/// <summary>Reads <c>--target NAME</c> (or <c>--target=NAME</c>) and leaves every other argument to ASP.NET Core.</summary>
public static class TargetArguments
{
    public static bool TryParse(string[] args, out string target, out string[] rest, out string error)
    {
        target = Modules.AllTarget;
        error = "";
        var others = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--target")
            {
                if (i + 1 >= args.Length)
                {
                    rest = [];
                    error = $"--target needs a value; valid targets: {string.Join(", ", Modules.Targets)}.";
                    return false;
                }

                target = args[++i];
            }
            else if (args[i].StartsWith("--target=", StringComparison.Ordinal))
            {
                target = args[i]["--target=".Length..];
            }
            else
            {
                others.Add(args[i]);
            }
        }

        rest = [.. others];
        if (!Modules.Targets.Contains(target))
        {
            error = $"Unknown target '{target}'; valid targets: {string.Join(", ", Modules.Targets)}.";
            return false;
        }

        return true;
    }
}
