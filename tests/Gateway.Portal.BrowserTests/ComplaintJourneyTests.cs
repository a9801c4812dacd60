using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Gateway.Portal.BrowserTests;

/// <summary>An anonymous complaint in Chromium, with JavaScript on and off: sent, routed, answered by the agency, read by its code, reopened once.</summary>
public sealed class ComplaintJourneyTests(PortalCity city) : IClassFixture<PortalCity>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_anonymous_complaint_is_routed_answered_read_by_its_code_and_reopened_once(bool javaScript)
    {
        await using var context = await city.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Portal("/pengaduan"));
        await page.ClickAsync("#new-complaint");
        await page.SelectOptionAsync("#kategori", "lalu-lintas");
        await page.FillAsync("#judul", "Lampu lalu lintas mati");
        await page.FillAsync("#isi", "Lampu lalu lintas di simpang Dago mati sejak pagi, kendaraan saling serobot.");
        await page.FillAsync("#lokasi", "Simpang Dago");
        // First a file that only claims to be a photo: refused next to the field, and nothing is filed.
        await page.SetInputFilesAsync("#foto", new FilePayload { Name = "lampu.jpg", MimeType = "image/jpeg", Buffer = "MZ-not-a-photo"u8.ToArray() });
        await page.ClickAsync("#send");
        await Assertions.Expect(page.Locator("#foto-error")).ToBeVisibleAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#foto", "aria-invalid"));
        Assert.Equal("Simpang Dago", await page.InputValueAsync("#lokasi"));
        await page.SelectOptionAsync("#kategori", "lalu-lintas");
        await page.SetInputFilesAsync("#foto", new FilePayload { Name = "lampu.jpg", MimeType = "image/jpeg", Buffer = PhonePhotos.Jpeg() });
        await page.ClickAsync("#send");

        var code = await page.InnerTextAsync("#tracking-code");
        Assert.True(Guid.TryParse(code, out var id), code);
        await Assertions.Expect(page.Locator("#complaint-photo")).ToContainTextAsync("JPEG");

        // Routed by the city's rules (lalu-lintas → Dishub) within seconds: the page says to whom.
        await Eventually.HoldsAsync(async () =>
        {
            await page.ReloadAsync();
            return (await page.InnerTextAsync("#complaint-agency")).Contains("Perhubungan", StringComparison.Ordinal);
        }, "the complaint to be routed to Dishub");

        // Dishub's officer answers through the API.
        var (_, officer) = await city.App.SignedInAsync("officer", "dishub");
        var answered = await officer.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/agency/complaints/{id}/answer")
        {
            Content = JsonContent.Create(new JsonObject { ["answer"] = "Petugas sudah memperbaiki lampu pagi ini." }),
        });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var photo = await officer.GetAsync($"/api/agency/complaints/{id}/photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.False(PhonePhotos.CarriesPrivateData(await photo.Content.ReadAsByteArrayAsync()));

        // Anyone with the code reads the answer, and the complainant may reopen it once.
        await using var later = await city.NewContextAsync(javaScript);
        var reader = await later.NewPageAsync();
        await reader.GotoAsync(city.Portal("/pengaduan"));
        await reader.FillAsync("#kode", "bukan-kode");
        await reader.ClickAsync("form[action='/pengaduan'] button[type=submit]");
        await Assertions.Expect(reader.Locator("#kode-error")).ToBeVisibleAsync();
        await reader.FillAsync("#kode", code);
        await reader.ClickAsync("form[action='/pengaduan'] button[type=submit]");
        await Assertions.Expect(reader.Locator("#answer")).ToHaveTextAsync("Petugas sudah memperbaiki lampu pagi ini.");
        if (javaScript)
        {
            await Accessibility.AssertNoSeriousViolationsAsync(reader, "an answered complaint with its reopen form"); // axe runs as a script
        }

        await reader.FillAsync("#alasan", "Lampu masih mati malam ini.");
        await reader.ClickAsync("#reopen");
        await Assertions.Expect(reader.Locator("#reopen-notice")).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("#complaint-status")).ToContainTextAsync("Dibuka kembali");
        Assert.Equal(0, await reader.Locator("#reopen").CountAsync());
    }
}
