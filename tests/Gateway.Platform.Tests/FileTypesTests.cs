using System.Text;
using Gateway.Platform.Storage;

namespace Gateway.Platform.Tests;

/// <summary>Uploaded files (request documents, complaint photos): what they really are, and a name safe to show.</summary>
public sealed class FileTypesTests
{
    [Theory]
    [InlineData("application/pdf", "%PDF-1.7", true)]
    [InlineData("image/png", "\u0089PNG\r\n\u001a\n", true)]
    [InlineData("image/jpeg", "\u00ff\u00d8\u00ff\u00e0", true)]
    [InlineData("application/pdf", "MZ\u0090\0", false)]
    [InlineData("image/png", "%PDF-1.7", false)]
    [InlineData("application/x-msdownload", "MZ\u0090\0", false)]
    public void A_document_is_what_its_first_bytes_say(string contentType, string header, bool matches) =>
        Assert.Equal(matches, FileTypes.Matches(contentType, Encoding.Latin1.GetBytes(header)));

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\warga\\KK scan.pdf", "KK scan.pdf")]
    [InlineData("akta<script>.pdf", "aktascript.pdf")]
    [InlineData("", "dokumen")]
    [InlineData(null, "dokumen")]
    public void An_uploaded_name_is_cleaned_to_a_plain_file_name(string? uploaded, string expected) =>
        Assert.Equal(expected, FileTypes.CleanName(uploaded));

    [Theory]
    [InlineData("image/JPEG; charset=binary", "image/jpeg")]
    [InlineData(null, "")]
    public void A_declared_type_is_read_without_its_parameters(string? declared, string expected) =>
        Assert.Equal(expected, FileTypes.Bare(declared));
}
