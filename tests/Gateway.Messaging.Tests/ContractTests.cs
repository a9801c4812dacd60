using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;

namespace Gateway.Messaging.Tests;

/// <summary>
/// The wire format agency apps rely on. A change here breaks PHP and Java consumers: the samples are
/// the contract (docs/events.md shows them). Rewrite them only for a deliberate change, with
/// SATUPINTU_UPDATE_SAMPLES=1, and version the namespace for a breaking one.
/// </summary>
public sealed class ContractTests
{
    private static readonly JsonSerializerOptions Indented = new(EventJson.Options) { WriteIndented = true };
    private static readonly Guid PinnedId = Guid.Parse("0190f3a1-7c2e-7000-8000-0000000000ee");

    public static TheoryData<string> Contracts => [.. EventTypes.ByName.Keys.Order()];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void The_json_of_each_contract_matches_its_pinned_sample(string name)
    {
        var sample = Sample(name);
        var json = JsonSerializer.Serialize(sample, sample.GetType(), Indented) + "\n";
        var file = Path.Combine(SamplesFolder(), name + ".json");
        if (Environment.GetEnvironmentVariable("SATUPINTU_UPDATE_SAMPLES") == "1")
        {
            File.WriteAllText(file, json);
        }

        Assert.True(File.Exists(file), $"{file} is missing: run with SATUPINTU_UPDATE_SAMPLES=1 to write it");
        Assert.Equal(File.ReadAllText(file), json);
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Each_pinned_sample_reads_back_into_its_contract(string name)
    {
        var file = Path.Combine(SamplesFolder(), name + ".json");
        var type = EventTypes.ByName[name];

        var read = (IIntegrationEvent)JsonSerializer.Deserialize(File.ReadAllText(file), type, EventJson.Options)!;

        Assert.Equal(PinnedId, read.EventId);
        Assert.Equal(JsonSerializer.Serialize(Sample(name), type, EventJson.Options), JsonSerializer.Serialize(read, type, EventJson.Options));
    }

    [Fact]
    public void Enums_travel_as_camel_case_words()
    {
        var json = JsonSerializer.Serialize(EventSamples.ServiceRequestStatusChanged(), EventJson.Options);

        Assert.Contains("\"status\":\"needsInformation\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Contracts_are_sealed_records_with_required_init_only_properties_in_a_versioned_namespace()
    {
        Assert.Equal(12, EventTypes.ByName.Count);
        foreach (var type in EventTypes.ByName.Values)
        {
            Assert.Equal("Gateway.Contracts.Events.V1", type.Namespace);
            Assert.True(type.IsSealed, $"{type.Name} is not sealed");
            Assert.NotNull(type.GetMethod("<Clone>$")); // records have a compiler-generated clone method
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                var setter = property.SetMethod;
                Assert.True(setter is not null && setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)),
                    $"{type.Name}.{property.Name} must be init-only");
            }

            foreach (var common in new[] { "EventId", "OccurredAt", "SourceAgency", "CorrelationId" })
            {
                Assert.NotNull(type.GetProperty(common)?.GetCustomAttribute<RequiredMemberAttribute>());
            }
        }
    }

    [Fact]
    public void The_event_samples_cover_every_contract() =>
        Assert.Equal(EventTypes.ByName.Keys.Order(), EventSamples.All().Select(e => e.GetType().Name).Order());

    private static IIntegrationEvent Sample(string name) =>
        EventSamples.All().Single(e => e.GetType().Name == name) switch
        {
            CatalogueChanged e => e with { EventId = PinnedId },
            ServiceHealthChanged e => e with { EventId = PinnedId },
            CitizenRegistered e => e with { EventId = PinnedId },
            CitizenProfileChanged e => e with { EventId = PinnedId },
            ServiceRequestSubmitted e => e with { EventId = PinnedId },
            ServiceRequestStatusChanged e => e with { EventId = PinnedId },
            ServiceRequestOverdue e => e with { EventId = PinnedId },
            ComplaintFiled e => e with { EventId = PinnedId },
            ComplaintRouted e => e with { EventId = PinnedId },
            ComplaintStatusChanged e => e with { EventId = PinnedId },
            ComplaintOverdue e => e with { EventId = PinnedId },
            SubscriptionChanged e => e with { EventId = PinnedId },
            var other => throw new InvalidOperationException($"no sample for {other.GetType().Name}"),
        };

    private static string SamplesFolder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Samples");
}
