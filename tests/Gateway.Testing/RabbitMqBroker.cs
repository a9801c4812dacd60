using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;

namespace Gateway.Testing;

/// <summary>
/// The real RabbitMQ the messaging tests use (local, guest/guest, as <c>.ci/run</c> starts it). Each
/// test class gets a virtual host of its own, so queues and exchanges never mix between tests.
/// Managing vhosts and stopping the broker uses <c>rabbitmqctl</c>, which needs the broker's Erlang
/// cookie: run the tests as the user that started it (root in CI).
/// </summary>
public static class RabbitMqBroker
{
    public static string Host => Environment.GetEnvironmentVariable("SATUPINTU_TEST_RABBITMQ_HOST") ?? "127.0.0.1";
    public const int Port = 5672;

    public static async Task<string> CreateVirtualHostAsync()
    {
        var name = "satupintu-test-" + Guid.NewGuid().ToString("N")[..10];
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return name;
    }

    public static Task DeleteVirtualHostAsync(string name) => CtlAsync("delete_vhost", name);

    /// <summary>Gateway settings for the RabbitMQ transport on <paramref name="virtualHost"/>, with quick retries.</summary>
    public static Dictionary<string, string?> GatewaySettings(string virtualHost) => new()
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:RabbitMq:Host"] = Host,
        ["Messaging:RabbitMq:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Messaging:RabbitMq:VirtualHost"] = virtualHost,
        ["Messaging:RabbitMq:Username"] = "guest",
        ["Messaging:RabbitMq:Password"] = "guest",
        ["Messaging:Retry:IntervalsMilliseconds:0"] = "50",
        ["Messaging:Retry:IntervalsMilliseconds:1"] = "100",
        ["Messaging:Retry:IntervalsMilliseconds:2"] = "200",
        ["Messaging:Outbox:MaxBackoffSeconds"] = "1",
        ["Messaging:Outbox:PublishTimeoutSeconds"] = "3",
    };

    /// <summary>Stops the broker application (connections drop, the port closes); the Erlang node stays for <see cref="StartAsync"/>.</summary>
    public static Task StopAsync() => CtlAsync("stop_app");

    /// <summary>Starts it again and waits until it accepts AMQP connections.</summary>
    public static async Task StartAsync()
    {
        await CtlAsync("start_app");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = await Factory("/").CreateConnectionAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public static ConnectionFactory Factory(string virtualHost) => new()
    {
        HostName = Host,
        Port = Port,
        VirtualHost = virtualHost,
        UserName = "guest",
        Password = "guest",
    };

    /// <summary>Messages ready in a queue, or null when the queue does not exist.</summary>
    public static async Task<uint?> CountAsync(string virtualHost, string queue)
    {
        await using var connection = await Factory(virtualHost).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }

    /// <summary>Takes one message off a queue the way a non-.NET app would (basic.get): body and headers.</summary>
    public static async Task<(string Body, IDictionary<string, object?> Headers, string? ContentType)?> GetAsync(string virtualHost, string queue)
    {
        await using var connection = await Factory(virtualHost).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var result = await channel.BasicGetAsync(queue, autoAck: true);
        return result is null
            ? null
            : (Encoding.UTF8.GetString(result.Body.Span), result.BasicProperties.Headers ?? new Dictionary<string, object?>(), result.BasicProperties.ContentType);
    }

    private static async Task CtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output} " +
                "(is rabbitmq-server running, and do the tests run as the user that started it?)");
        }
    }
}
