namespace Marketplace.BuildingBlocks.Hosting;

/// <summary>
/// The data folder holds databases and private keys: only the account the marketplace runs as may read it,
/// whatever the umask. Folders are 700 and files 600; looser ones found at start are tightened.
/// </summary>
public static class PrivateFolder
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> and every missing parent below an existing folder as 700; tightens it if it exists.</summary>
    public static string Ensure(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }

        var parent = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent))
        {
            Ensure(parent);
        }

        if (Directory.Exists(full))
        {
            File.SetUnixFileMode(full, OwnerOnlyFolder);
        }
        else
        {
            Directory.CreateDirectory(full, OwnerOnlyFolder);
        }

        return full;
    }

    /// <summary>Makes <paramref name="file"/> (empty, 600) if it does not exist; tightens it and its SQLite companions if they do.</summary>
    public static void EnsureFile(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(file))
        {
            using var created = new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile });
            return;
        }

        foreach (var existing in new[] { file, file + "-wal", file + "-shm", file + "-journal" }.Where(File.Exists))
        {
            File.SetUnixFileMode(existing, OwnerOnlyFile);
        }
    }

    /// <summary>Writes a secret to a file only its owner may read.</summary>
    public static void WriteSecret(string file, string content)
    {
        EnsureFile(file);
        File.WriteAllText(file, content);
    }
}
