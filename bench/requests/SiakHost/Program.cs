using System.Globalization;
using System.Runtime.InteropServices;
using Adapters.Disdukcapil.LegacyApp;

// usage: SiakHost PORT API_KEY — runs the sample SIAK on 127.0.0.1:PORT until SIGTERM or Ctrl+C.
var port = int.Parse(args[0], CultureInfo.InvariantCulture);
// SIAK's rate limit is a quirk for the tests; here it would cap both sides of the comparison.
SiakApp.RequestsPerSecond = int.MaxValue;
await using var siak = await SiakApp.StartAsync(args[1], port);
Console.WriteLine($"SIAK listening on {siak.BaseAddress}");
var stop = new TaskCompletionSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});
await stop.Task;
