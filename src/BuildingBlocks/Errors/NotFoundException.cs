namespace Marketplace.BuildingBlocks.Errors;

public sealed class NotFoundException(string resource, object id)
    : DomainException($"{resource} '{id}' was not found.");
