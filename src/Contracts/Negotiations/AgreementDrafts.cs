using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Negotiations;

/// <summary>
/// The agreement a negotiation the provider may agree to yields (a request, or an accepted offer), drafted one way whether a party reads it before signing
/// (<c>GET …/agreement-draft</c>) or the provider signs it (<c>agree</c>): the same id, canonical document and
/// hash, as long as the round on the table and the dataset's copy have not changed in between.
/// </summary>
public static class AgreementDrafts
{
    public static async Task<(Agreement Agreement, DatasetCopy Dataset)> DraftAsync(ContractsDb db, Negotiation n, CancellationToken ct)
    {
        var dataset = await db.DatasetCopies.AsNoTracking().FirstAsync(d => d.DatasetId == n.DatasetId, ct);
        return (Draft(n, dataset), dataset);
    }

    /// <summary>The draft from a copy of the dataset the caller has read already.</summary>
    public static Agreement Draft(Negotiation n, DatasetCopy dataset)
    {
        var id = Agreement.IdFor(n);
        var document = CanonicalJson.Serialize(AgreementDocument.Of(id, n, dataset));
        return Agreement.Draft(id, n, document, CanonicalJson.Sha256Hex(document));
    }
}
