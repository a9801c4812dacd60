using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Demo.SampleApps;

/// <summary>
/// A stand-in for a legacy department app: serves each of its services under <c>/layanan/{slug}</c>,
/// in Indonesian field names and <c>dd-MM-yyyy</c> dates, with the quirks of its <see cref="SampleAppSpec"/>.
/// Built on an empty host so the gateway's own configuration (URLs, Kestrel endpoints) cannot leak in.
/// </summary>
internal static class SampleAgencyApp
{
    private static readonly TimeSpan WesternIndonesiaTime = TimeSpan.FromHours(7);

    public static async Task<(WebApplication App, RunningSampleApp Running)> StartAsync(SampleAppSpec spec, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = spec.AppName });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();

        var apiKey = spec.Quirks.HasFlag(Quirks.ApiKey) ? RandomSecret() : null;
        var password = spec.Quirks.HasFlag(Quirks.BasicAuth) ? RandomSecret() : null;
        var user = password is null ? null : "gateway";
        var healthProbes = 0;

        app.Use(async (context, next) =>
        {
            var isHealth = context.Request.Path.Value?.EndsWith("/health", StringComparison.Ordinal) == true;
            if (spec.Quirks.HasFlag(Quirks.Slow))
            {
                var delay = isHealth
                    ? Interlocked.Increment(ref healthProbes) % 3 == 0 ? 6000 : 150
                    : Random.Shared.Next(1000, 2500);
                await Task.Delay(delay, context.RequestAborted);
            }

            if (spec.Quirks.HasFlag(Quirks.Flaky) && Random.Shared.NextDouble() < 0.3)
            {
                await Reply(context, spec, StatusCodes.Status503ServiceUnavailable, new() { ["pesan"] = "Layanan sedang sibuk, coba lagi nanti" });
                return;
            }

            if (!isHealth && !Authorized(context.Request, apiKey, user, password))
            {
                await Reply(context, spec, StatusCodes.Status401Unauthorized, new() { ["pesan"] = "Akses ditolak" });
                return;
            }

            await next(context);
        });

        app.MapGet("/layanan/{slug}/health", () => Results.Text("OK"));
        app.MapGet("/layanan/{slug}", (string slug, HttpContext c) => Reply(c, spec, 200, Info(spec, slug)));
        app.MapGet("/layanan/{slug}/status/{nomor}", (string slug, string nomor, HttpContext c) => Reply(c, spec, 200, Status(slug, nomor)));
        app.MapPost("/layanan/{slug}/permohonan", (string slug, HttpContext c) => Reply(c, spec, 201, new()
        {
            ["nomor_registrasi"] = $"{spec.Agency.ToUpperInvariant()}-{Random.Shared.Next(100000, 999999)}",
            ["layanan"] = slug,
            ["tanggal"] = Today(),
            ["status"] = "DITERIMA",
        }));
        app.MapGet("/layanan/{slug}/debug/headers", (HttpContext c) => Reply(c, spec, 200, new()
        {
            ["path"] = c.Request.Path.Value,
            ["headers"] = c.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()),
        }));
        app.MapFallback((HttpContext c) => Reply(c, spec, 404, new() { ["pesan"] = "Halaman tidak ditemukan" }));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new RunningSampleApp(spec, new Uri(address), apiKey, user, password));
    }

    private static bool Authorized(HttpRequest request, string? apiKey, string? user, string? password)
    {
        if (apiKey is not null && request.Headers["X-Api-Key"] != apiKey)
        {
            return false;
        }

        if (password is not null)
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
            return request.Headers.Authorization == expected;
        }

        return true;
    }

    private static Dictionary<string, object?> Info(SampleAppSpec spec, string slug) => new()
    {
        ["aplikasi"] = spec.AppName,
        ["dinas"] = spec.Agency,
        ["layanan"] = slug,
        ["jam_pelayanan"] = "Senin-Jumat 08.00-15.00 WIB",
        ["diperbarui"] = Today(),
    };

    /// <summary>The same registration number always gives the same status, as a real registry would.</summary>
    private static Dictionary<string, object?> Status(string slug, string nomor)
    {
        string[] states = ["DITERIMA", "VERIFIKASI", "PROSES", "SELESAI"];
        var index = SHA256.HashData(Encoding.UTF8.GetBytes(slug + nomor))[0] % states.Length;
        return new()
        {
            ["nomor_registrasi"] = nomor,
            ["layanan"] = slug,
            ["status"] = states[index],
            ["tgl_pengajuan"] = DateTimeOffset.UtcNow.ToOffset(WesternIndonesiaTime).AddDays(-index - 1).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        };
    }

    private static string Today() =>
        DateTimeOffset.UtcNow.ToOffset(WesternIndonesiaTime).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static string RandomSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static Task Reply(HttpContext context, SampleAppSpec spec, int status, Dictionary<string, object?> body)
    {
        context.Response.StatusCode = status;
        if (!spec.Quirks.HasFlag(Quirks.Xml))
        {
            return context.Response.WriteAsJsonAsync(body);
        }

        var xml = new XElement("respon", body.Select(kv => new XElement(kv.Key, kv.Value is Dictionary<string, string> map
            ? map.Select(m => new XElement("item", new XAttribute("nama", m.Key), m.Value))
            : kv.Value)));
        context.Response.ContentType = "text/xml; charset=utf-8";
        return context.Response.WriteAsync(new XDeclaration("1.0", "utf-8", null) + Environment.NewLine + xml);
    }
}
