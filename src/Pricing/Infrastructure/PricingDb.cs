using Marketplace.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Pricing.Infrastructure;

/// <summary>The pricing module's own database. It holds only the outbox and inbox until the pricing issue adds its model.</summary>
public sealed class PricingDb(DbContextOptions<PricingDb> options) : ModuleDbContext(options);
