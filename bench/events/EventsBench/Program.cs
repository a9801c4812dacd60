// One measurement per process, so each starts equally cold and is warmed the same way:
//   EventsBench bare     <vhost> <events>   MassTransit publish (durable, confirms) + consume, nothing else
//   EventsBench gateway  <vhost> <events> sqlite|postgres [connection string]
//                        a state change and its event saved in one transaction (the complaints table
//                        and the outbox), the outbox dispatcher publishing, an inbox consumer applying
// Prints one line: "<mode> <events> <seconds> <events per second>".
using System.Diagnostics;
using Gateway.Bench.Events;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: EventsBench bare|gateway <vhost> <events> [sqlite|postgres] [connection string]");
    return 2;
}

var mode = args[0];
var vhost = args[1];
var events = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var warmup = Math.Max(events / 10, 500);
IBenchTarget target = mode switch
{
    "bare" => new BareMassTransit(vhost),
    "gateway" => new GatewayPipeline(vhost, args.Length > 3 ? args[3] : "sqlite", args.Length > 4 ? args[4] : null),
    _ => throw new ArgumentException($"unknown mode {mode}"),
};

using var groups = new InboxGroupSizes();
await using (target)
{
    await target.StartAsync();
    await target.RunAsync(warmup); // tiered JIT, connection pools, queue declarations
    var clock = Stopwatch.StartNew();
    await target.RunAsync(events);
    clock.Stop();
    Console.Error.WriteLine($"create {Timing.Create * 1000.0 / System.Diagnostics.Stopwatch.Frequency / (events + warmup):F3} ms, add {Timing.Add * 1000.0 / System.Diagnostics.Stopwatch.Frequency / (events + warmup):F3} ms, save {Timing.Save * 1000.0 / System.Diagnostics.Stopwatch.Frequency / (events + warmup):F3} ms");
    Console.Error.WriteLine(groups);
    Console.WriteLine(FormattableString.Invariant($"{mode} {events} {clock.Elapsed.TotalSeconds:F3} {events / clock.Elapsed.TotalSeconds:F0}"));
}

return 0;
