using Marketplace.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Infrastructure;

/// <summary>The identity module's own database. It holds only the outbox and inbox until the identity issue adds its model.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : ModuleDbContext(options);
