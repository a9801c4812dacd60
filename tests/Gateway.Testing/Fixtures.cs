using Xunit;

namespace Gateway.Testing;

/// <summary>A gateway shared by the tests of one class; subclasses choose the database.</summary>
public abstract class GatewayFixture(DatabaseKind database, bool demo = false) : IAsyncLifetime
{
    public GatewayApp App { get; private set; } = null!;
    public LegacyBackend Backend { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Backend = await LegacyBackend.StartAsync();
        App = await GatewayApp.StartAsync(database, demo);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteGateway() : GatewayFixture(DatabaseKind.Sqlite);

public sealed class PostgresGateway() : GatewayFixture(DatabaseKind.Postgres);

public sealed class DemoGateway() : GatewayFixture(DatabaseKind.Sqlite, demo: true);
