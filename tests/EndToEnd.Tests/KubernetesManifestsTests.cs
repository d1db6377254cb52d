using System.Diagnostics;
using System.Text.Json;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// deploy/k8s as Kubernetes would receive it: each overlay rendered by kustomize (kubectl's), every object checked against
/// the Kubernetes API schemas and the operators' CRD schemas (tests/checkers/validate-k8s.mjs), and what docs/deploy.md
/// promises of the production overlay read from the rendered objects. No cluster is needed, and none is started.
/// </summary>
public sealed class KubernetesManifestsTests
{
    private static readonly string K8s = Path.Combine(TestServices.RepositoryRoot, "deploy", "k8s");

    private static readonly string[] Services = ["identity", "catalog", "contracts", "pricing", "web", "gateway"];

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Each_overlay_renders_and_every_object_validates_against_the_kubernetes_and_operator_schemas(string overlay)
    {
        var (exitCode, output, errors) = Checkers.Node(Kustomize(overlay), "validate-k8s.mjs", Path.Combine(K8s, "crds"));
        Assert.True(exitCode == 0, output + errors);
        Assert.EndsWith("all valid", output.Trim());
        Assert.DoesNotContain("INVALID", output);
    }

    [Fact]
    public void The_check_fails_on_a_wrong_type_in_a_deployment_and_a_misspelt_field_of_an_operators_resource()
    {
        var rendered = Kustomize("prod")
            .Replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: yes please", StringComparison.Ordinal)
            .Replace("retentionPolicy: 30d", "retentionPolicy: 30 days", StringComparison.Ordinal);
        var (exitCode, output, _) = Checkers.Node(rendered, "validate-k8s.mjs", Path.Combine(K8s, "crds"));
        Assert.Equal(1, exitCode);
        Assert.Contains("readOnlyRootFilesystem must be boolean", output);
        Assert.Contains("/spec/backup/retentionPolicy must match pattern", output);
    }

    [Fact]
    public void Production_runs_replicas_hardened_probed_and_sized_on_the_operators_engines()
    {
        var objects = Render("prod");
        JsonElement Single(string kind, string name) => objects.Single(o => Kind(o) == kind && Name(o) == name);

        foreach (var service in Services)
        {
            var deployment = Single("Deployment", $"{service}-service");
            var pod = deployment.GetProperty("spec").GetProperty("template").GetProperty("spec");
            var container = pod.GetProperty("containers")[0];
            Assert.Equal(["--target", service], container.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
            Assert.True(pod.GetProperty("securityContext").GetProperty("runAsNonRoot").GetBoolean(), service);
            var security = container.GetProperty("securityContext");
            Assert.True(security.GetProperty("readOnlyRootFilesystem").GetBoolean(), service);
            Assert.False(security.GetProperty("allowPrivilegeEscalation").GetBoolean(), service);
            Assert.Equal("ALL", security.GetProperty("capabilities").GetProperty("drop")[0].GetString());
            Assert.Equal("/health/ready", container.GetProperty("readinessProbe").GetProperty("httpGet").GetProperty("path").GetString());
            Assert.Equal("/health/live", container.GetProperty("livenessProbe").GetProperty("httpGet").GetProperty("path").GetString());
            Assert.Equal("/health/live", container.GetProperty("startupProbe").GetProperty("httpGet").GetProperty("path").GetString());
            Assert.True(container.GetProperty("resources").GetProperty("requests").TryGetProperty("cpu", out _), service);
            Assert.True(container.GetProperty("resources").GetProperty("limits").TryGetProperty("memory", out _), service);
            Assert.Equal(2, deployment.GetProperty("spec").GetProperty("replicas").GetInt32());
            var budget = Single("PodDisruptionBudget", $"{service}-service").GetProperty("spec");
            Assert.Equal(Labels(deployment.GetProperty("spec").GetProperty("selector").GetProperty("matchLabels")),
                Labels(budget.GetProperty("selector").GetProperty("matchLabels")));
        }

        Assert.Equal(["catalog-service", "gateway-service", "web-service"], objects.Where(o => Kind(o) == "HorizontalPodAutoscaler").Select(Name).Order());
        // Replicas of the console share their sessions.
        Assert.Equal("Postgres", objects.Single(o => Kind(o) == "ConfigMap").GetProperty("data").GetProperty("Marketplace__Web__SessionStore").GetString());
        var config = objects.Single(o => Kind(o) == "ConfigMap").GetProperty("data");
        Assert.Equal("true", config.GetProperty("Marketplace__Bus__QuorumQueues").GetString());
        Assert.Equal(3, Single("RabbitmqCluster", "marketplace-mq").GetProperty("spec").GetProperty("replicas").GetInt32());
        var database = Single("Cluster", "marketplace-db").GetProperty("spec");
        Assert.Equal(3, database.GetProperty("instances").GetInt32());
        Assert.True(database.GetProperty("backup").TryGetProperty("barmanObjectStore", out _));
        Assert.Single(objects, o => Kind(o) == "ScheduledBackup");
        // One database per module: the bootstrap one and a Database for each other, named as the services expect.
        var databases = objects.Where(o => Kind(o) == "Database").Select(o => o.GetProperty("spec").GetProperty("name").GetString())
            .Append(database.GetProperty("bootstrap").GetProperty("initdb").GetProperty("database").GetString());
        Assert.Equal(["marketplace_catalog", "marketplace_contracts", "marketplace_identity", "marketplace_pricing", "marketplace_web"], databases.Order());

        // From outside, only the gateway: the Ingress's one backend and the one policy admitting any source.
        var ingress = Single("Ingress", "marketplace").GetProperty("spec").GetProperty("rules")[0].GetProperty("http").GetProperty("paths");
        Assert.Equal("gateway-service", Assert.Single(ingress.EnumerateArray()).GetProperty("backend").GetProperty("service").GetProperty("name").GetString());
        var open = objects.Where(o => Kind(o) == "NetworkPolicy")
            .Where(o => o.GetProperty("spec").GetProperty("ingress").EnumerateArray().Any(rule => !rule.TryGetProperty("from", out _)));
        Assert.Equal("gateway", Assert.Single(open).GetProperty("spec").GetProperty("podSelector").GetProperty("matchLabels")
            .GetProperty("app.kubernetes.io/component").GetString());
    }

    [Fact]
    public void Development_runs_one_small_replica_of_each_and_one_node_of_each_engine()
    {
        var objects = Render("dev");
        Assert.All(objects.Where(o => Kind(o) == "Deployment"), d => Assert.Equal(1, d.GetProperty("spec").GetProperty("replicas").GetInt32()));
        Assert.DoesNotContain(objects, o => Kind(o) is "HorizontalPodAutoscaler" or "ScheduledBackup");
        Assert.Equal(1, objects.Single(o => Kind(o) == "Cluster").GetProperty("spec").GetProperty("instances").GetInt32());
        Assert.Equal(1, objects.Single(o => Kind(o) == "RabbitmqCluster").GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.All(objects, o => Assert.Equal("marketplace-dev", o.GetProperty("metadata").GetProperty("namespace").GetString()));
    }

    private static List<JsonElement> Render(string overlay)
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exitCode, output, errors) = Checkers.Node(Kustomize(overlay), "validate-k8s.mjs", Path.Combine(K8s, "crds"), file);
            Assert.True(exitCode == 0, output + errors);
            return [.. JsonDocument.Parse(File.ReadAllText(file)).RootElement.EnumerateArray()];
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Kustomize(string overlay)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "kustomize", Path.Combine(K8s, "overlays", overlay) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = StartKubectl(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize (kustomize 5 or later) failed: {errors}");
        return output.Result;
    }

    private static Process StartKubectl(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("kubectl (with kustomize 5 or later) is not installed; it renders deploy/k8s (README, Test it).");
            throw;
        }
    }

    private static string? Kind(JsonElement o) => o.GetProperty("kind").GetString();

    private static string? Name(JsonElement o) => o.GetProperty("metadata").GetProperty("name").GetString();

    private static string Labels(JsonElement labels) => string.Join(",", labels.EnumerateObject().Select(l => $"{l.Name}={l.Value}").Order());
}
