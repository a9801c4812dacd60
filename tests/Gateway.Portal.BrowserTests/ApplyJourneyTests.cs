using System.Text;
using Microsoft.Playwright;

namespace Gateway.Portal.BrowserTests;

/// <summary>
/// Applying online in Chromium, with JavaScript on and off: the form from the service's JSON Schema, asked a group per
/// page (the demo's birth certificate: the child, then the parents), a draft, a field error on each page, a PDF.
/// </summary>
public sealed class ApplyJourneyTests(PortalCity city) : IClassFixture<PortalCity>
{
    private const string Apply = "/permohonan/baru/akta-kelahiran";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_citizen_keeps_a_draft_fixes_the_field_at_fault_gets_a_tracking_number_and_uploads_a_PDF(bool javaScript)
    {
        var citizen = await city.App.CreateAccountAsync("citizen");
        await using var context = await city.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();

        // From the service's page: applying asks to sign in first, then opens the form.
        await page.GotoAsync(city.Portal("/layanan/akta-kelahiran"));
        await page.ClickAsync("#apply");
        await page.FillAsync("#login", citizen.Nik!);
        await page.FillAsync("#password", SignOn.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == Apply, new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });

        // A half-filled form saved as a draft comes back on the next visit.
        await page.FillAsync("#f-nama_anak", "Aditya Pratama");
        await page.FillAsync("#f-tempat_lahir", "Bandung");
        await page.ClickAsync("#save-draft");
        await Assertions.Expect(page.Locator("#notice")).ToBeVisibleAsync();
        await page.GotoAsync(city.Portal("/"));
        await page.GotoAsync(city.Portal(Apply));
        await Assertions.Expect(page.Locator("#f-nama_anak")).ToHaveValueAsync("Aditya Pratama");

        // The first part (the child) is checked before the second is shown: one field at fault, named beside it
        // and in the summary; the other answers stay.
        await Assertions.Expect(page.Locator("#part-progress")).ToHaveTextAsync("Bagian 1 dari 2");
        Assert.Equal(0, await page.Locator("#f-nik_ibu").CountAsync());
        await page.FillAsync("#f-tanggal_lahir", "2026-11-02");
        await page.FillAsync("#f-anak_ke", "dua");
        await page.ClickAsync("#next");
        await Assertions.Expect(page.Locator("#f-anak_ke-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-anak_ke")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Anak ke-");
        await Assertions.Expect(page.Locator("#f-tempat_lahir")).ToHaveValueAsync("Bandung");
        Assert.Equal(0, await page.Locator("#f-nama_anak-error").CountAsync());
        await page.FillAsync("#f-anak_ke", "2");
        await page.ClickAsync("#next");
        await Assertions.Expect(page.Locator("#part-title")).ToHaveTextAsync("Data orang tua");
        await Assertions.Expect(page.Locator("#part-progress")).ToHaveTextAsync("Bagian 2 dari 2");

        // The second part (the parents): the error at submit is beside its field; back and forth keeps every answer.
        await page.FillAsync("#f-nik_ibu", "32730157");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#f-nik_ibu-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("NIK ibu");
        await page.ClickAsync("#back");
        await Assertions.Expect(page.Locator("#f-tempat_lahir")).ToHaveValueAsync("Bandung");
        await Assertions.Expect(page.Locator("#f-anak_ke")).ToHaveValueAsync("2");
        await page.ClickAsync("#next");
        await Assertions.Expect(page.Locator("#f-nik_ibu")).ToHaveValueAsync("32730157");

        await page.FillAsync("#f-nik_ibu", "3273015708900001");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Permohonan terkirim", new() { Timeout = 15_000 });
        var tracking = await page.InnerTextAsync("#tracking-number");
        Assert.Matches(@"^BDG-DISDUKCAPIL-20\d\d-\d{6}$", tracking);
        Assert.EndsWith($"/permohonan/{tracking}?baru=1", page.Url, StringComparison.Ordinal); // after a redirect: a reload cannot submit twice

        // The birth letter, as a PDF, once the request is filed with SIAK (the agency's document rules come from its adapter).
        await Eventually.HoldsAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("#request").InnerTextAsync() is var facts && (facts.Contains("Nomor di instansi", StringComparison.Ordinal) || facts.Contains("Agency's reference", StringComparison.Ordinal));
        }, "the request to be filed in SIAK", TimeSpan.FromSeconds(60));
        await page.SetInputFilesAsync("#dokumen", new FilePayload
        {
            Name = "surat-keterangan-lahir.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        });
        await page.ClickAsync("#upload");
        await Assertions.Expect(page.Locator("#upload-notice")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#documents")).ToContainTextAsync("surat-keterangan-lahir.pdf");

        // A text file posing as a PDF is refused beside the field.
        await page.SetInputFilesAsync("#dokumen", new FilePayload { Name = "bukan.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("hello") });
        await page.ClickAsync("#upload");
        await Assertions.Expect(page.Locator("#dokumen-error")).ToBeVisibleAsync();
        Assert.Equal(1, await page.Locator("#documents li").CountAsync());

        // Submitted, the draft is gone.
        await page.GotoAsync(city.Portal(Apply));
        await Assertions.Expect(page.Locator("#f-nama_anak")).ToHaveValueAsync("");
    }
}
