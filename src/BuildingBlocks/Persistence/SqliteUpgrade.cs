namespace Marketplace.BuildingBlocks.Persistence;

/// <summary>
/// A change an embedded (SQLite) file made by an earlier version needs before it is used: SQLite files have no
/// migrations here, so a module lists its renames and added columns beside the PostgreSQL migration that makes the same change
/// (<see cref="ModuleDbContext.SqliteUpgrades"/>). Each is applied only while the file still has the old shape,
/// so running them on every start is safe.
/// </summary>
public abstract record SqliteUpgrade
{
    /// <summary>The table <paramref name="From"/> is now called <paramref name="To"/>.</summary>
    public sealed record RenameTable(string From, string To) : SqliteUpgrade;

    /// <summary>The column <paramref name="From"/> of <paramref name="Table"/> is now called <paramref name="To"/>.</summary>
    public sealed record RenameColumn(string Table, string From, string To) : SqliteUpgrade;

    /// <summary>The column <paramref name="Column"/> (of SQLite type <paramref name="Definition"/>, e.g. <c>TEXT NULL</c>) is new in <paramref name="Table"/>.</summary>
    public sealed record AddColumn(string Table, string Column, string Definition) : SqliteUpgrade;

    /// <summary>A statement that changes nothing when run twice (an <c>UPDATE … WHERE</c> the old value, a <c>DROP … IF EXISTS</c>).</summary>
    public sealed record Statement(string Sql) : SqliteUpgrade;
}
