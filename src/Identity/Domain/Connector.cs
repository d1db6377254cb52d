namespace Marketplace.Identity.Domain;

/// <summary>
/// What makes an API client a Dataspace Protocol connector of its organisation: the participant id it has in dataspaces
/// (a DID, a BPN, an URL) and the base addresses the marketplace may call back (DSP callbacks go only to addresses under
/// these, never to one a message names alone). Both travel in the client's access tokens.
/// </summary>
public sealed record Connector(string ParticipantId, string[] CallbackAddresses);
