using Marketplace.BuildingBlocks.Errors;
using Marketplace.Catalog.Domain;

namespace Marketplace.Catalog.Tests;

[Trait("Speed", "Fast")]
public sealed class DatasetLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Provider = Guid.NewGuid();

    /// <summary>The least a dataset needs to be published.</summary>
    private static readonly DatasetMetadata Publishable = new()
    {
        DescriptionEn = "Vibration of a press line",
        Classification = new Classification { ProcessStage = "maintenance", DataTypes = ["vibration-acoustic"] },
        Terms = new OfferedTerms { Purposes = ["research"] },
    };

    private static Dataset Draft() => Dataset.CreateDraft(Provider, Publishable with { TitleEn = "v1", Keywords = ["press"] }, Now);

    [Fact]
    public void Publishing_requires_a_description_the_process_stage_a_data_type_and_offered_purposes_naming_each_missing_one()
    {
        var bare = Dataset.CreateDraft(Provider, new DatasetMetadata { TitleEn = "only a title" }, Now);

        var refused = Assert.Throws<RuleViolationException>(() => bare.Publish("me", Now));

        Assert.Equal(["classification.dataTypes", "classification.processStage", "descriptionKo", "terms.purposes"], refused.Errors.Keys.Order());
        Assert.Equal(DatasetStatus.Draft, bare.Status);
    }

    [Fact]
    public void A_published_listing_never_loses_what_publishing_requires()
    {
        var dataset = Draft();
        dataset.Publish("me", Now);

        var refused = Assert.Throws<RuleViolationException>(() => dataset.Edit(new DatasetMetadata { TitleEn = "titles only" }, "me", Now));

        Assert.Contains("classification.processStage", refused.Errors.Keys);
        Assert.Equal((1, "v1"), (dataset.Version, dataset.TitleEn));
    }

    [Fact]
    public void A_draft_is_edited_in_place_and_a_published_listing_gets_a_new_version()
    {
        var dataset = Draft();
        Assert.False(dataset.Edit(Publishable with { TitleEn = "v1 fixed" }, "me", Now));
        Assert.Equal(1, dataset.Version);
        Assert.Empty(dataset.Versions);

        dataset.Publish("me", Now);
        Assert.Equal(1, Assert.Single(dataset.Versions).Version);

        Assert.True(dataset.Edit(Publishable with { TitleEn = "v2" }, "me", Now.AddDays(1)));
        Assert.Equal(2, dataset.Version);
        Assert.Equal(["v1 fixed", "v2"], dataset.Versions.Select(v => v.Metadata.TitleEn));
        Assert.Equal(Now, dataset.PublishedAt);
    }

    [Theory]
    [InlineData("publish", DatasetStatus.Published)]
    [InlineData("suspend", DatasetStatus.Draft)]
    [InlineData("reinstate", DatasetStatus.Draft)]
    [InlineData("withdraw", DatasetStatus.Draft)]
    [InlineData("publish", DatasetStatus.Withdrawn)]
    [InlineData("reinstate", DatasetStatus.Published)]
    [InlineData("suspend", DatasetStatus.Suspended)]
    [InlineData("edit", DatasetStatus.Withdrawn)]
    [InlineData("withdraw", DatasetStatus.Withdrawn)]
    public void Transitions_the_lifecycle_does_not_have_are_conflicts(string action, DatasetStatus from)
    {
        var dataset = In(from);
        var revision = dataset.Revision;
        Assert.Throws<ConflictException>(() => Act(dataset, action));
        Assert.Equal(from, dataset.Status);
        Assert.Equal(revision, dataset.Revision);
    }

    [Theory]
    [InlineData("publish", DatasetStatus.Draft, DatasetStatus.Published)]
    [InlineData("suspend", DatasetStatus.Published, DatasetStatus.Suspended)]
    [InlineData("reinstate", DatasetStatus.Suspended, DatasetStatus.Published)]
    [InlineData("withdraw", DatasetStatus.Published, DatasetStatus.Withdrawn)]
    [InlineData("withdraw", DatasetStatus.Suspended, DatasetStatus.Withdrawn)]
    [InlineData("edit", DatasetStatus.Suspended, DatasetStatus.Suspended)]
    public void Allowed_transitions_change_the_status(string action, DatasetStatus from, DatasetStatus to)
    {
        var dataset = In(from);
        Act(dataset, action);
        Assert.Equal(to, dataset.Status);
    }

    [Fact]
    public void Only_the_named_organisations_see_a_restricted_listing_and_nobody_else_sees_a_draft()
    {
        var partner = Guid.NewGuid();
        var dataset = Dataset.CreateDraft(Provider, Publishable with
        {
            TitleEn = "restricted",
            Visibility = new Visibility { Restricted = true, Organisations = [partner] },
        }, Now);
        Assert.False(dataset.IsVisibleTo(partner, isAdmin: false));
        Assert.True(dataset.IsVisibleTo(Provider, isAdmin: false));

        dataset.Publish("me", Now);
        Assert.True(dataset.IsVisibleTo(partner, isAdmin: false));
        Assert.False(dataset.IsVisibleTo(Guid.NewGuid(), isAdmin: false));
        Assert.False(dataset.IsVisibleTo(null, isAdmin: false));
        Assert.True(dataset.IsVisibleTo(null, isAdmin: true));
        Assert.Equal([partner], dataset.Facts().VisibleTo!);
    }

    [Fact]
    public void The_metadata_score_counts_the_recommended_items()
    {
        Assert.Equal(4, MetadataScore.Of(new DatasetMetadata { TitleEn = "only a title" }));
        var rich = Marketplace.Catalog.Infrastructure.DemoDatasets.All().First().Metadata;
        Assert.Equal(96, MetadataScore.Of(rich));
        Assert.Equal(["preview"], MetadataScore.Gaps(rich));
        var complete = rich with
        {
            Preview = new SyntheticPreview { Sample = System.Text.Json.JsonSerializer.SerializeToElement(new[] { new { t = 1 } }), DeclaredSynthetic = true },
        };
        Assert.Equal(100, MetadataScore.Of(complete));
        Assert.Empty(MetadataScore.Gaps(complete));
    }

    [Fact]
    public void Each_gap_named_is_worth_four_points_once_filled()
    {
        var bare = new DatasetMetadata { TitleEn = "only a title" };
        var gaps = MetadataScore.Gaps(bare);
        Assert.Equal(24, gaps.Length);
        Assert.DoesNotContain("titleEn", gaps);
        Assert.Contains("classification.isa95Level", gaps);
        var better = bare with { Classification = new Classification { Isa95Level = 2 } };
        Assert.Equal(MetadataScore.Of(bare) + 4, MetadataScore.Of(better));
        Assert.DoesNotContain("classification.isa95Level", MetadataScore.Gaps(better));
    }

    private static Dataset In(DatasetStatus status)
    {
        var dataset = Draft();
        if (status == DatasetStatus.Draft)
        {
            return dataset;
        }

        dataset.Publish("me", Now);
        if (status == DatasetStatus.Suspended)
        {
            dataset.Suspend("check", Now);
        }
        else if (status == DatasetStatus.Withdrawn)
        {
            dataset.Withdraw(Now);
        }

        return dataset;
    }

    private static void Act(Dataset dataset, string action)
    {
        switch (action)
        {
            case "publish": dataset.Publish("me", Now); break;
            case "suspend": dataset.Suspend("reason", Now); break;
            case "reinstate": dataset.Reinstate(Now); break;
            case "withdraw": dataset.Withdraw(Now); break;
            case "edit": dataset.Edit(Publishable with { TitleEn = "changed" }, "me", Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
