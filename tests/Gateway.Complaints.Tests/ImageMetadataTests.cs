using Gateway.Complaints.Photos;
using Gateway.Testing;

namespace Gateway.Complaints.Tests;

public sealed class ImageMetadataTests
{
    [Fact]
    public void A_jpeg_loses_place_phone_and_time_and_keeps_its_orientation_and_picture()
    {
        var photo = PhonePhotos.Jpeg(orientation: 6);

        var clean = ImageMetadata.Strip("image/jpeg", photo)!;

        Assert.True(PhonePhotos.CarriesPrivateData(photo));
        Assert.False(PhonePhotos.CarriesPrivateData(clean));
        Assert.Equal(PhonePhotos.Scan, clean[^PhonePhotos.Scan.Length..]);
        Assert.Equal("JFIF"u8.ToArray(), clean[6..10]);
        // The orientation survives, alone, in a minimal Exif block (tag 0x0112, SHORT, one value: 6).
        Assert.True(clean.AsSpan().IndexOf(new byte[] { 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6 }) > 0);
        Assert.Equal(clean, ImageMetadata.Strip("image/jpeg", clean));
    }

    [Fact]
    public void A_png_loses_its_text_and_exif_chunks_and_keeps_its_image_data()
    {
        var photo = PhonePhotos.Png();

        var clean = ImageMetadata.Strip("image/png", photo)!;

        Assert.True(PhonePhotos.CarriesPrivateData(photo));
        Assert.False(PhonePhotos.CarriesPrivateData(clean));
        Assert.True(clean.AsSpan().IndexOf(PhonePhotos.Scan) > 0);
        Assert.Equal("IEND"u8.ToArray(), clean[^8..^4]);
    }

    [Theory]
    [InlineData("image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x40, 0x00, 0x4A, 0x46 })] // a segment longer than the file
    [InlineData("image/jpeg", new byte[] { 0xFF, 0xD8, 0x00, 0x00, 0x00, 0x00 })] // no marker where one must be
    [InlineData("image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0 })] // no IEND
    [InlineData("image/gif", new byte[] { 0x47, 0x49, 0x46, 0x38 })]
    public void What_is_not_a_whole_jpeg_or_png_is_refused(string contentType, byte[] bytes) =>
        Assert.Null(ImageMetadata.Strip(contentType, bytes));
}
