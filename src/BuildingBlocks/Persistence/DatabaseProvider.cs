namespace Marketplace.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    /// <summary>Embedded file per module; all-in-one mode.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database per module; microservices mode.</summary>
    Postgres,
}
