using System.Security.Cryptography;
using Gateway.Adapters.Sdk.Calls;
using Gateway.Adapters.Sdk.Contract;
using Gateway.Contracts.Adapters.V1;
using Xunit;

namespace Gateway.Adapters.TestKit;

/// <summary>
/// The kit's suite for adapters whose legacy system takes documents (<see cref="IDocumentAdapter"/>).
/// Inherit it beside <see cref="AdapterConformanceTests{TFixture}"/>; the fixture's sample app must
/// record each attachment as <c>{file name}|{sha256}</c> on the case.
/// </summary>
public abstract class DocumentConformanceTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AdapterFixture
{
    protected TFixture Fixture { get; } = fixture;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDocumentAdapter Documents => Assert.IsAssignableFrom<IDocumentAdapter>(Fixture.Adapter);

    /// <summary>A small but real PDF.</summary>
    protected static byte[] SamplePdf { get; } = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    private static AdapterDocument Describe(byte[] content, string name = "surat-keterangan-lahir.pdf") => new()
    {
        DocumentId = Guid.NewGuid(),
        FileName = name,
        ContentType = "application/pdf",
        Length = content.Length,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
    };

    [Fact]
    public void The_adapter_declares_what_its_legacy_system_accepts()
    {
        Assert.Contains("application/pdf", Documents.AcceptedContentTypes);
        Assert.True(Documents.MaxDocumentBytes > SamplePdf.Length);
    }

    [Fact]
    public async Task A_document_reaches_the_case_with_the_checksum_the_gateway_computed()
    {
        var filed = await AdapterRuns.SubmitAsync(Fixture.Adapter, Fixture.NewSubmission(), Ct);
        var document = Describe(SamplePdf);

        var outcome = await AdapterRuns.AttachDocumentAsync(Documents, filed.ExternalReference!, document, new MemoryStream(SamplePdf), Ct);

        Assert.Equal(AdapterOutcomeKind.Done, outcome.Kind);
        Assert.Contains($"{document.FileName}|{document.Sha256}", Fixture.LegacyApp.Cases.Find(filed.ExternalReference!)!.Attachments);
    }

    [Fact]
    public async Task A_document_whose_bytes_changed_on_the_way_is_not_taken_as_delivered()
    {
        var filed = await AdapterRuns.SubmitAsync(Fixture.Adapter, Fixture.NewSubmission(), Ct);
        var document = Describe(SamplePdf) with { Sha256 = new string('0', 64) };

        var outcome = await AdapterRuns.AttachDocumentAsync(Documents, filed.ExternalReference!, document, new MemoryStream(SamplePdf), Ct);

        Assert.NotEqual(AdapterOutcomeKind.Done, outcome.Kind);
        Assert.Empty(Fixture.LegacyApp.Cases.Find(filed.ExternalReference!)!.Attachments);
    }

    [Fact]
    public async Task A_document_sent_while_the_legacy_app_is_down_is_to_be_retried()
    {
        var filed = await AdapterRuns.SubmitAsync(Fixture.Adapter, Fixture.NewSubmission(), Ct);
        await Fixture.LegacyApp.StopAsync(Ct);
        AdapterOutcome outcome;
        try
        {
            outcome = await AdapterRuns.AttachDocumentAsync(Documents, filed.ExternalReference!, Describe(SamplePdf), new MemoryStream(SamplePdf), Ct);
        }
        finally
        {
            await Fixture.LegacyApp.StartAsync(Ct);
        }

        Assert.Equal(AdapterOutcomeKind.RetryLater, outcome.Kind);
    }
}
