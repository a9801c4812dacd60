namespace Gateway.Messaging.IntegrationTests;

/// <summary>A RabbitMQ virtual host of the test class's own, deleted afterwards.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    public string VirtualHost { get; private set; } = null!;

    public async ValueTask InitializeAsync() => VirtualHost = await RabbitMqBroker.CreateVirtualHostAsync();

    public async ValueTask DisposeAsync() => await RabbitMqBroker.DeleteVirtualHostAsync(VirtualHost);

    public Dictionary<string, string?> GatewaySettings(params (string Key, string? Value)[] extra)
    {
        var settings = RabbitMqBroker.GatewaySettings(VirtualHost);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }
}
