namespace Marketplace.BuildingBlocks.Errors;

/// <summary>The resource changed since the client read it (412); <c>etag</c> names the current one.</summary>
public sealed class PreconditionFailedException : DomainException
{
    public PreconditionFailedException(string current)
        : base("The resource was changed since you read it: read it again and reapply your change.") => With("etag", current);
}
