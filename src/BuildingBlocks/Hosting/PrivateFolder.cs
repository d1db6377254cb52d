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

    /// <summary>
    /// The secret in <paramref name="file"/> (owner-only), made by <paramref name="make"/> if the file does not exist yet.
    /// Replicas starting together on one shared folder may both make one: the first file written wins and every
    /// process uses that one.
    /// </summary>
    public static string ReadOrCreateSecret(string file, Func<string> make)
    {
        if (File.Exists(file))
        {
            return File.ReadAllText(file);
        }

        var candidate = $"{file}.{Guid.NewGuid():N}.new";
        EnsureFile(candidate);
        File.WriteAllText(candidate, make());
        try
        {
            // Without overwriting: fails if another process got there first.
            File.Move(candidate, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(candidate);
        }

        return File.ReadAllText(file);
    }
}
