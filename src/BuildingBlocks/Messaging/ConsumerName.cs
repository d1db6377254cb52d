namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>
/// A consumer's name in inboxes and delivery confirmations: its type name, with the type arguments of a
/// consumer every module shares (<c>KeepBarredOrganisationsConsumer&lt;CatalogDb&gt;</c>), so two modules'
/// copies in one process are two consumers.
/// </summary>
public static class ConsumerName
{
    public static string Of(Type consumer) => consumer.IsGenericType
        ? $"{consumer.Name[..consumer.Name.IndexOf('`')]}<{string.Join(",", consumer.GetGenericArguments().Select(a => a.Name))}>"
        : consumer.Name;
}
