using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Hosting;

namespace Marketplace.Catalog.Tests;

/// <summary>Search, visibility, paging and the lifecycle through the real API; run once on SQLite and once on PostgreSQL.</summary>
public abstract class CatalogApiTests(AllInOneMarketplace market)
{
    private Task<HttpClient> As(string demoClient) => Tokens.DemoAsync(market.BaseAddress, demoClient);

    [Fact]
    public async Task A_partial_korean_word_finds_the_compound_and_english_words_and_field_names_are_searched()
    {
        using var provider = await As("demo-provider-x");
        using var anonymous = market.Host.CreateClient();
        var tag = Datasets.NewTag();
        var moulding = await Datasets.PublishedAsync(provider, Datasets.Document(tag, "사출성형기 금형 온도", "Injection moulding machine temperatures"));
        var press = await Datasets.PublishedAsync(provider, Datasets.Document(tag, "프레스 진동", "Press vibration"));

        Assert.Equal([moulding], Datasets.Ids(await Datasets.SearchAsync(anonymous, Datasets.Q("사출", tag))));
        Assert.Equal([moulding], Datasets.Ids(await Datasets.SearchAsync(anonymous, Datasets.Q("성형기", tag))));
        Assert.Equal([moulding], Datasets.Ids(await Datasets.SearchAsync(anonymous, Datasets.Q("MOULDING", tag))));
        Assert.Equal([press], Datasets.Ids(await Datasets.SearchAsync(anonymous, Datasets.Q("진동", tag))));
        Assert.Empty(Datasets.Ids(await Datasets.SearchAsync(anonymous, Datasets.Q("용접", tag))));
        // Schema field names are searched too, and both datasets have this one.
        Assert.Equal(2, (await Datasets.SearchAsync(anonymous, Datasets.Q("spindle_load", tag))).GetProperty("total").GetInt32());
    }

    /// <summary>English words match their other forms and spellings: plurals, US/UK, -ing, common shorthand.</summary>
    [Fact]
    public async Task English_search_finds_plurals_both_spellings_and_word_forms_and_ranks_titles_first()
    {
        using var provider = await As("demo-provider-x");
        using var anonymous = market.Host.CreateClient();
        var tag = Datasets.NewTag();
        // The tag is in the titles too, so relevance (every query token in the title ranks first) can be compared below.
        var moulding = await Datasets.PublishedAsync(provider, Datasets.Document(tag, "사출성형기 금형 온도", $"Injection moulding machine temperature sensors {tag}"));
        var press = await Datasets.PublishedAsync(provider, Datasets.Document(tag, "프레스 진동", $"Press vibrations {tag}"));

        foreach (var query in new[] { "sensor", "mold", "injection molding", "Molded", "temp sensor", "injection moulding machines" })
        {
            var found = Datasets.Ids(await Datasets.SearchAsync(anonymous, Datasets.Q(query, tag))).ToArray();
            Assert.True(found.SequenceEqual([moulding]), $"'{query}' found {found.Length} datasets");
        }

        Assert.Equal([press], Datasets.Ids(await Datasets.SearchAsync(anonymous, Datasets.Q("vibration", tag))));
        Assert.Empty(Datasets.Ids(await Datasets.SearchAsync(anonymous, Datasets.Q("welding", tag))));

        // Relevance: a dataset with the word in its title comes before one that has it only in its description.
        var described = Datasets.Document(tag, "프레스 데이터", $"Press data {tag}");
        described["descriptionEn"] = "Vibration of the press frame, measured by sensors.";
        var inDescription = await Datasets.PublishedAsync(provider, described);
        var ranked = Datasets.Ids(await Datasets.SearchAsync(anonymous, Datasets.Q("sensor", tag) + "&sort=relevance")).ToList();
        Assert.Equal([moulding, inDescription], ranked);
    }

    [Fact]
    public async Task Facet_counts_follow_the_query_and_the_filters()
    {
        using var provider = await As("demo-provider-y");
        using var anonymous = market.Host.CreateClient();
        var tag = Datasets.NewTag();
        await Datasets.PublishedAsync(provider, Datasets.Document(tag, stage: "quality", dataTypes: ["image-video"], formats: ["images"], records: 10));
        await Datasets.PublishedAsync(provider, Datasets.Document(tag, stage: "quality", dataTypes: ["image-video", "logs-events"], formats: ["json"], records: 500));
        await Datasets.PublishedAsync(provider, Datasets.Document(tag, stage: "energy", dataTypes: ["sensor-time-series"], formats: ["csv", "parquet"], records: 90_000));

        var all = await Datasets.SearchAsync(anonymous, Datasets.Q(tag));
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["quality"] = 2, ["energy"] = 1 }, Datasets.FacetCounts(all, "processStage"));
        Assert.Equal(new Dictionary<string, int> { ["image-video"] = 2, ["logs-events"] = 1, ["sensor-time-series"] = 1 }, Datasets.FacetCounts(all, "dataType"));
        Assert.Equal("Quality and inspection", all.GetProperty("facets").GetProperty("processStage")[0].GetProperty("labelEn").GetString());
        Assert.Equal(new Dictionary<string, int> { ["press"] = 3 }, Datasets.FacetCounts(all, "equipmentType"));

        var filtered = await Datasets.SearchAsync(anonymous, $"{Datasets.Q(tag)}&processStage=quality&format=json&format=csv");
        Assert.Equal(1, filtered.GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["image-video"] = 1, ["logs-events"] = 1 }, Datasets.FacetCounts(filtered, "dataType"));

        var ranged = await Datasets.SearchAsync(anonymous, $"{Datasets.Q(tag)}&minRecords=100&maxRecords=1000&coverageFrom=2024-06-01&coverageTo=2025-01-01");
        Assert.Equal(1, ranged.GetProperty("total").GetInt32());
        Assert.Equal(0, (await Datasets.SearchAsync(anonymous, $"{Datasets.Q(tag)}&coverageFrom=2025-01-01")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Datasets.SearchAsync(anonymous, $"{Datasets.Q(tag)}&provider={DemoOrganisations.ProviderX}")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await Datasets.SearchAsync(anonymous, $"{Datasets.Q(tag)}&updatedSince=2020-01-01T00:00:00Z&equipmentType=프레스")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_restricted_listing_is_invisible_to_outsiders_in_reads_searches_and_counts()
    {
        using var provider = await As("demo-provider-x");
        using var buyerA = await As("demo-buyer-a");
        using var buyerB = await As("demo-buyer-b");
        using var anonymous = market.Host.CreateClient();
        var tag = Datasets.NewTag();
        var open = await Datasets.PublishedAsync(provider, Datasets.Document(tag, stage: "logistics"));
        var restricted = await Datasets.PublishedAsync(provider, Datasets.Document(tag, stage: "design", restrictedTo: [DemoOrganisations.BuyerA]));

        foreach (var outsider in new[] { buyerB, anonymous })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/catalog/datasets/{restricted}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/catalog/datasets/{restricted}/dcat")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/catalog/datasets/{restricted}/versions/1")).StatusCode);
            var page = await Datasets.SearchAsync(outsider, Datasets.Q(tag));
            Assert.Equal([open], Datasets.Ids(page));
            Assert.Equal(1, page.GetProperty("total").GetInt32());
            Assert.Equal(new Dictionary<string, int> { ["logistics"] = 1 }, Datasets.FacetCounts(page, "processStage"));
        }

        var partnerView = await Datasets.SearchAsync(buyerA, Datasets.Q(tag));
        Assert.Equal(2, partnerView.GetProperty("total").GetInt32());
        var read = await buyerA.GetFromJsonAsync<JsonElement>($"/api/catalog/datasets/{restricted}");
        Assert.True(read.GetProperty("metadata").GetProperty("visibility").GetProperty("restricted").GetBoolean());
        // The partner list is the provider's business, not the partners'.
        Assert.Empty(read.GetProperty("metadata").GetProperty("visibility").GetProperty("organisations").EnumerateArray());
        var own = await provider.GetFromJsonAsync<JsonElement>($"/api/catalog/datasets/{restricted}");
        Assert.Single(own.GetProperty("metadata").GetProperty("visibility").GetProperty("organisations").EnumerateArray());
    }

    [Theory]
    [InlineData("newest")]
    [InlineData("metadataScore")]
    [InlineData("relevance")]
    public async Task Cursor_pages_have_no_duplicates_or_gaps_while_listings_are_added(string sort)
    {
        using var provider = await As("demo-provider-y");
        using var anonymous = market.Host.CreateClient();
        var tag = Datasets.NewTag();
        var original = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            // Some rank higher (title match) and some are better described, so every sort key varies.
            var document = Datasets.Document(tag, titleEn: i % 2 == 0 ? $"Vibration {tag}" : "Vibration", records: 100 + i);
            if (i % 3 == 0)
            {
                document["descriptionKo"] = null;
            }

            original.Add(await Datasets.PublishedAsync(provider, document));
        }

        var seen = new List<Guid>();
        var query = $"{Datasets.Q(tag)}&sort={sort}&limit=3";
        var page = await Datasets.SearchAsync(anonymous, query);
        seen.AddRange(Datasets.Ids(page));
        // Datasets published while someone pages may appear or not, but never push others twice onto a page or off every page.
        await Datasets.PublishedAsync(provider, Datasets.Document(tag, titleEn: $"Newer {tag}"));
        await Datasets.PublishedAsync(provider, Datasets.Document(tag));
        while (page.GetProperty("nextCursor").GetString() is { } cursor)
        {
            page = await Datasets.SearchAsync(anonymous, $"{query}&cursor={Uri.EscapeDataString(cursor)}");
            seen.AddRange(Datasets.Ids(page));
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(original.Except(seen));

        var foreign = await anonymous.GetAsync($"/api/catalog/datasets?q=other&sort={sort}&cursor={Uri.EscapeDataString(Datasets.Ids(page).Length > 0 ? "x" : "y")}");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }

    [Fact]
    public async Task A_listing_goes_from_draft_to_published_versions_suspended_reinstated_and_withdrawn()
    {
        using var provider = await As("demo-provider-x");
        using var otherProvider = await As("demo-provider-y");
        using var buyer = await As("demo-buyer-a");
        using var admin = await As("demo-admin");
        var tag = Datasets.NewTag();
        var id = await Datasets.CreateAsync(provider, Datasets.Document(tag, titleEn: "First words"));
        var url = $"/api/catalog/datasets/{id}";

        Assert.Equal(HttpStatusCode.NotFound, (await buyer.GetAsync(url)).StatusCode);
        Assert.Contains(id, Datasets.Ids(await provider.GetFromJsonAsync<JsonElement>("/api/catalog/datasets/mine?status=Draft&limit=100")));
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"{url}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PostAsync($"{url}/publish", null)).StatusCode);

        var edited = await provider.PutAsJsonAsync(url, Datasets.Document(tag, titleEn: "Second words"));
        Assert.Equal(2, (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await otherProvider.PutAsJsonAsync(url, Datasets.Document(tag))).StatusCode);
        var versions = await buyer.GetFromJsonAsync<JsonElement>($"{url}/versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var first = await buyer.GetFromJsonAsync<JsonElement>($"{url}/versions/1");
        Assert.Equal("First words", first.GetProperty("metadata").GetProperty("titleEn").GetString());
        Assert.Equal([id], Datasets.Ids(await Datasets.SearchAsync(buyer, Datasets.Q("second", tag))));
        Assert.Empty(Datasets.Ids(await Datasets.SearchAsync(buyer, Datasets.Q("first", tag))));

        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsJsonAsync($"{url}/suspend", new { reason = "x" })).StatusCode);
        var noReason = await admin.PostAsJsonAsync($"{url}/suspend", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"{url}/suspend", new { reason = "Preview looks like real data" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.GetAsync(url)).StatusCode);
        Assert.Empty(Datasets.Ids(await Datasets.SearchAsync(buyer, Datasets.Q(tag))));
        var suspended = await provider.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("Preview looks like real data", suspended.GetProperty("suspensionReason").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{url}/reinstate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await buyer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherProvider.PostAsync($"{url}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"{url}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PutAsJsonAsync(url, Datasets.Document(tag))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"{url}/reinstate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.GetAsync(url)).StatusCode);

        // Contracts followed through the events: its copy holds the second version.
        await Eventually.HoldsAsync(async () =>
        {
            var copy = await buyer.GetAsync($"/api/contracts/datasets/{id}");
            return copy.IsSuccessStatusCode && (await copy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32() == 2;
        }, TimeSpan.FromSeconds(15), "Contracts never received version 2");
    }

    [Fact]
    public async Task Racing_publications_and_edits_of_one_listing_get_one_success_or_409_never_500()
    {
        using var provider = await Tokens.DemoAsync(market.BaseAddress, "demo-provider-x");
        var tag = Datasets.NewTag();
        var id = await Datasets.CreateAsync(provider, Datasets.Document(tag));

        var publications = await Concurrently.SendAsync(50, () => provider.PostAsync($"/api/catalog/datasets/{id}/publish", null));
        Assert.Equal(1, Concurrently.SucceededOrConflicted(publications));

        var edits = await Concurrently.SendAsync(50, () => provider.PutAsJsonAsync($"/api/catalog/datasets/{id}", Datasets.Document(tag, titleEn: "Edited")));
        var succeeded = Concurrently.SucceededOrConflicted(edits);
        Assert.True(succeeded >= 1);
        // Every successful edit made exactly one version, numbered without gaps after the first publication's.
        var versions = await provider.GetFromJsonAsync<JsonElement>($"/api/catalog/datasets/{id}/versions");
        Assert.Equal(Enumerable.Range(1, succeeded + 1).Reverse(), versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Put_demands_the_whole_document_and_patch_changes_only_what_it_names_without_stripping_a_published_listing()
    {
        using var provider = await Tokens.DemoAsync(market.BaseAddress, "demo-provider-x");
        var tag = Datasets.NewTag();
        var id = await Datasets.PublishedAsync(provider, Datasets.Document(tag));
        var url = $"/api/catalog/datasets/{id}";

        // The .http example's old edit: titles and keywords only. As a PUT it would have emptied the rest.
        var partial = new { titleKo = "프레스 진동 데이터 (개정)", titleEn = "Press vibration data (revised)", keywords = new[] { tag, "revised" } };
        var incomplete = await provider.PutAsJsonAsync(url, partial);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var missing = (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(new[] { "classification", "structure", "terms", "descriptionKo" }, m => Assert.True(missing.TryGetProperty(m, out _), m));

        var patched = await provider.PatchAsync(url, new StringContent(JsonSerializer.Serialize(partial), System.Text.Encoding.UTF8, "application/merge-patch+json"));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var dataset = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, dataset.GetProperty("version").GetInt32());
        var metadata = dataset.GetProperty("metadata");
        Assert.Equal("Press vibration data (revised)", metadata.GetProperty("titleEn").GetString());
        Assert.Equal("maintenance", metadata.GetProperty("classification").GetProperty("processStage").GetString());
        Assert.Equal(2, metadata.GetProperty("terms").GetProperty("purposes").GetArrayLength());
        Assert.Equal("A dataset made by a test", metadata.GetProperty("descriptionEn").GetString());

        // null removes a member; a published dataset may not lose what publishing requires.
        var stripping = await provider.PatchAsync(url, new StringContent("""{"classification":{"processStage":null}}""", System.Text.Encoding.UTF8, "application/merge-patch+json"));
        await AssertProblemAsync(stripping, 422, "classification.processStage");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await provider.PatchAsync(url, JsonContent.Create(partial))).StatusCode);
        Assert.Equal(2, (await provider.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_the_current_etag_lets_the_edit_through()
    {
        using var provider = await Tokens.DemoAsync(market.BaseAddress, "demo-provider-x");
        var tag = Datasets.NewTag();
        var id = await Datasets.CreateAsync(provider, Datasets.Document(tag));
        var url = $"/api/catalog/datasets/{id}";
        var read = await provider.GetAsync(url);
        var etag = read.Headers.ETag!;

        async Task<HttpResponseMessage> PutAsync(string? ifMatch, string title)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Datasets.Document(tag, titleEn: title)) };
            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            return await provider.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync("\"stale\"", "Lost update")).StatusCode);
        var first = await PutAsync(etag.ToString(), "First edit");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag);
        // The second writer read before the first edit: its change would be lost, so it is refused.
        var late = await PutAsync(etag.ToString(), "Second edit");
        Assert.Equal(HttpStatusCode.PreconditionFailed, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType?.MediaType);
        Assert.Equal("First edit", (await provider.GetFromJsonAsync<JsonElement>(url)).GetProperty("metadata").GetProperty("titleEn").GetString());
        // Without If-Match the write goes through (documented: last writer wins).
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(null, "Unconditional")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_on_every_write_gets_a_problem_naming_the_field()
    {
        using var provider = await As("demo-provider-x");
        var tag = Datasets.NewTag();

        var unknownStage = Datasets.Document(tag, stage: "painting");
        await AssertProblemAsync(await provider.PostAsJsonAsync("/api/catalog/datasets", unknownStage), 400, "classification.processStage");

        var nullKeywords = Datasets.Document(tag);
        nullKeywords["keywords"] = null;
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsJsonAsync("/api/catalog/datasets", nullKeywords)).StatusCode);

        var embedded = Datasets.Document(tag);
        embedded["descriptionEn"] = "data:application/octet-stream;base64,AAECAwQFBgcICQ==";
        await AssertProblemAsync(await provider.PostAsJsonAsync("/api/catalog/datasets", embedded), 422, "descriptionEn");

        var preview = Datasets.Document(tag);
        preview["preview"] = JsonSerializer.SerializeToNode(new { sample = Enumerable.Range(0, 21).Select(i => new { t = i }), declaredSynthetic = true });
        await AssertProblemAsync(await provider.PostAsJsonAsync("/api/catalog/datasets", preview), 422, "preview.sample");

        var oversized = Datasets.Document(tag);
        oversized["descriptionEn"] = string.Join(' ', Enumerable.Repeat("a sentence that goes on and on", 10_000));
        var tooLarge = await provider.PostAsJsonAsync("/api/catalog/datasets", oversized);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);

        var id = await Datasets.CreateAsync(provider, Datasets.Document(tag));
        await AssertProblemAsync(await provider.PutAsJsonAsync($"/api/catalog/datasets/{id}", Datasets.Document(tag, industry: "C99")), 400, "classification.industry");

        using var anonymous = market.Host.CreateClient();
        await AssertProblemAsync(await anonymous.GetAsync("/api/catalog/datasets?dataType=smell"), 400, "dataType");
        await AssertProblemAsync(await anonymous.GetAsync("/api/catalog/datasets?sort=cheapest"), 400, "sort");
        await AssertProblemAsync(await anonymous.GetAsync("/api/catalog/datasets?cursor=bm90IGEgY3Vyc29y"), 400, "cursor");
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/catalog/datasets?minRecords=lots")).StatusCode);
        var capped = await Datasets.SearchAsync(anonymous, "limit=1000");
        Assert.InRange(capped.GetProperty("items").GetArrayLength(), 1, 100);
    }

    [Fact]
    public async Task Dcat_exports_expand_as_json_ld_with_their_own_context()
    {
        using var provider = await As("demo-provider-x");
        using var anonymous = market.Host.CreateClient();
        var id = await Datasets.PublishedAsync(provider, Datasets.Document(Datasets.NewTag(), "사출 금형 데이터", "Mould data", stage: "production"));

        var dataset = await anonymous.GetAsync($"/api/catalog/datasets/{id}/dcat");
        Assert.Equal("application/ld+json", dataset.Content.Headers.ContentType?.MediaType);
        var expanded = JsonLd.Expand(await dataset.Content.ReadAsStringAsync());
        var node = Assert.Single(expanded.EnumerateArray());
        Assert.Equal("http://www.w3.org/ns/dcat#Dataset", node.GetProperty("@type")[0].GetString());
        Assert.Contains(node.GetProperty("http://purl.org/dc/terms/title").EnumerateArray(),
            t => t.GetProperty("@language").GetString() == "ko" && t.GetProperty("@value").GetString() == "사출 금형 데이터");
        // The publisher is the organisation's API address, named in Korean and English (from Identity's events).
        var publisher = node.GetProperty("http://purl.org/dc/terms/publisher")[0];
        Assert.Equal($"{market.BaseAddress.ToString().TrimEnd('/')}/api/identity/organisations/{DemoOrganisations.ProviderX}", publisher.GetProperty("@id").GetString());
        Assert.Equal(["ko", "en"], publisher.GetProperty("http://xmlns.com/foaf/0.1/name").EnumerateArray().Select(n => n.GetProperty("@language").GetString()));
        Assert.Contains(node.GetProperty("http://www.w3.org/ns/dcat#theme").EnumerateArray(), t => t.GetProperty("@id").GetString()!.EndsWith("#processStage-production", StringComparison.Ordinal));
        var period = node.GetProperty("http://purl.org/dc/terms/temporal")[0];
        Assert.Equal("2024-01-01", period.GetProperty("http://www.w3.org/ns/dcat#startDate")[0].GetProperty("@value").GetString());
        var offer = node.GetProperty("http://www.w3.org/ns/odrl/2/hasPolicy")[0];
        Assert.Equal("http://www.w3.org/ns/odrl/2/Offer", offer.GetProperty("@type")[0].GetString());

        var catalog = JsonLd.Expand(await anonymous.GetStringAsync("/api/catalog/dcat?limit=5"));
        var root = Assert.Single(catalog.EnumerateArray());
        Assert.Equal("http://www.w3.org/ns/dcat#Catalog", root.GetProperty("@type")[0].GetString());
        Assert.Equal(5, root.GetProperty("http://www.w3.org/ns/dcat#dataset").GetArrayLength());
        var next = root.GetProperty("http://www.w3.org/ns/hydra/core#view")[0].GetProperty("http://www.w3.org/ns/hydra/core#next")[0].GetProperty("@id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(next).PathAndQuery)).StatusCode);
    }

    /// <summary>A person reads who provides a dataset by name, in Korean and English, from Identity's events.</summary>
    [Fact]
    public async Task Search_results_name_the_provider_in_korean_and_english()
    {
        using var provider = await As("demo-provider-x");
        using var anonymous = market.Host.CreateClient();
        var tag = Datasets.NewTag();
        var id = await Datasets.PublishedAsync(provider, Datasets.Document(tag));

        var hit = (await Datasets.SearchAsync(anonymous, $"q={tag}")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        var named = hit.GetProperty("provider");
        Assert.Equal((DemoOrganisations.ProviderX, "한빛정밀", "Hanbit Precision"),
            (named.GetProperty("id").GetGuid(), named.GetProperty("nameKo").GetString(), named.GetProperty("nameEn").GetString()));
    }

    /// <summary>The official DCAT-AP 3.0.1 SHACL shapes — mandatory, recommended and ranges — find nothing to say.</summary>
    [Fact]
    public async Task Dcat_exports_conform_to_the_dcat_ap_shapes_mandatory_and_recommended()
    {
        using var provider = await As("demo-provider-x");
        using var anonymous = market.Host.CreateClient();
        var id = await Datasets.PublishedAsync(provider, Datasets.Document(Datasets.NewTag(), "프레스 진동 데이터", "Press vibration data", stage: "production"));

        foreach (var path in new[] { $"/api/catalog/datasets/{id}/dcat", "/api/catalog/dcat?limit=20" })
        {
            var results = LinkedData.DcatApResults(await anonymous.GetStringAsync(path));
            Assert.True(results.Count == 0, $"{path}:\n{string.Join('\n', results.Select(r => $"{r.Severity} {r.FocusNode} {r.Path}: {r.Message}"))}");
        }
    }

    [Fact]
    public async Task The_demo_catalog_and_the_taxonomy_are_served()
    {
        using var anonymous = market.Host.CreateClient();
        var taxonomy = await anonymous.GetFromJsonAsync<JsonElement>("/api/catalog/taxonomy");
        Assert.Equal(8, taxonomy.GetProperty("processStages").GetArrayLength());
        Assert.Equal(25, taxonomy.GetProperty("industries").GetArrayLength());
        Assert.Equal(5, taxonomy.GetProperty("isa95Levels").GetArrayLength());
        Assert.Equal(7, taxonomy.GetProperty("dataTypes").GetArrayLength());

        using var buyerA = await As("demo-buyer-a");
        var demo = await Datasets.SearchAsync(buyerA, $"provider={DemoOrganisations.ProviderX}&limit=100");
        var demoY = await Datasets.SearchAsync(buyerA, $"provider={DemoOrganisations.ProviderY}&limit=100");
        var seeded = demo.GetProperty("items").EnumerateArray().Concat(demoY.GetProperty("items").EnumerateArray())
            .Where(i => i.GetProperty("descriptionKo").GetString() is not null && i.GetProperty("descriptionEn").GetString() != "A dataset made by a test")
            .ToList();
        Assert.True(seeded.Count >= 40, $"{seeded.Count} demo datasets");
        Assert.Equal(8, seeded.Select(i => i.GetProperty("classification").GetProperty("processStage").GetString()).Distinct().Count());
        Assert.Equal(7, seeded.SelectMany(i => i.GetProperty("classification").GetProperty("dataTypes").EnumerateArray().Select(t => t.GetString())).Distinct().Count());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string field)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {body}");
    }
}

public sealed class CatalogApiOnSqlite(AllInOneMarketplace market) : CatalogApiTests(market), IClassFixture<AllInOneMarketplace>;

public sealed class CatalogApiOnPostgres(PostgresAllInOneMarketplace market) : CatalogApiTests(market), IClassFixture<PostgresAllInOneMarketplace>;
