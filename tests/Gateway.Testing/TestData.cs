using System.Text.Json.Nodes;

namespace Gateway.Testing;

/// <summary>Valid request bodies, as JSON the way a client sends them; tests remove or spoil fields.</summary>
public static class TestData
{
    public static JsonObject Agency(string code) => new()
    {
        ["code"] = code,
        ["name"] = new JsonObject { ["id"] = $"Dinas {code}", ["en"] = $"{code} office" },
        ["description"] = new JsonObject { ["id"] = "Dinas uji", ["en"] = "Test agency" },
        ["contact"] = new JsonObject { ["email"] = $"{code}@example.go.id", ["phone"] = "(022) 123456" },
    };

    public static JsonObject Service(string slug, string agency, JsonObject? exposure = null) => new()
    {
        ["slug"] = slug,
        ["agencyCode"] = agency,
        ["name"] = new JsonObject { ["id"] = $"Layanan {slug}", ["en"] = $"Service {slug}" },
        ["description"] = new JsonObject { ["id"] = "Layanan uji", ["en"] = "Test service" },
        ["category"] = "perizinan",
        ["channel"] = "online",
        ["standard"] = new JsonObject
        {
            ["legalBasis"] = new JsonArray("Perda Kota 1/2026"),
            ["requirements"] = new JsonArray(new JsonObject { ["id"] = "KTP-el", ["en"] = "e-ID card" }),
            ["procedure"] = new JsonArray(new JsonObject { ["id"] = "Ajukan", ["en"] = "Apply" }),
            ["completionWorkingDays"] = 3,
            ["costRupiah"] = 0,
            ["product"] = new JsonObject { ["id"] = "Surat izin", ["en"] = "Permit" },
            ["complaintChannel"] = new JsonObject { ["id"] = "SP4N-LAPOR!", ["en"] = "SP4N-LAPOR!" },
        },
        ["exposure"] = exposure,
    };

    public static JsonObject Exposure(Uri destination, string? pathPrefix = null, string access = "public") => new()
    {
        ["pathPrefix"] = pathPrefix,
        ["methods"] = new JsonArray("GET", "HEAD", "POST"),
        ["destinations"] = new JsonArray(destination.ToString()),
        ["healthCheckPath"] = "/health",
        ["timeoutSeconds"] = 5,
        ["access"] = new JsonObject { ["kind"] = access },
    };

    /// <summary>A well-formed NIK nobody else in the test run is likely to have (a woman born in the 1990s in Kota Bandung).</summary>
    public static string NewNik() =>
        $"32730{Random.Shared.Next(1, 9)}{Random.Shared.Next(41, 68)}0{Random.Shared.Next(1, 9)}9{Random.Shared.Next(0, 9)}{Random.Shared.Next(1, 9999):0000}";

    public static JsonObject Complaint(string category = "jalan-rusak") => new()
    {
        ["category"] = category,
        ["class"] = "simple",
        ["subject"] = "Jalan berlubang di depan sekolah",
        ["description"] = "Lubang sedalam 20 cm, sudah dua motor jatuh minggu ini.",
        ["location"] = "Jl. Soekarno-Hatta No. 100",
    };
}
