using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

// usage: HashBench ITERATIONS SECONDS
// Verifies one stored password hash again and again on one thread with ASP.NET Core Identity's hasher
// (PBKDF2-HMAC-SHA512 at ITERATIONS, as the gateway stores them) and prints "checks/s <n>" and the CPU
// time one check took, "cpu-us-per-check <n>" (the same measure the bench takes of the gateway's sign-ins).
var iterations = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var seconds = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = iterations }));
var user = new object();
var stored = hasher.HashPassword(user, "kopi-hujan-angklung-42");
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
var checks = 0;
while (clock.Elapsed.TotalSeconds < seconds)
{
    if (hasher.VerifyHashedPassword(user, stored, "kopi-hujan-angklung-42") != PasswordVerificationResult.Success)
    {
        throw new InvalidOperationException("the password did not verify");
    }

    checks++;
}

var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
Console.WriteLine(FormattableString.Invariant($"checks/s {checks / clock.Elapsed.TotalSeconds:F2}"));
Console.WriteLine(FormattableString.Invariant($"cpu-us-per-check {cpu.TotalMicroseconds / checks:F1}"));
