using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gateway.Complaints.IntegrationTests;

/// <summary>A complaint's photo: sent with the tracking code, cleaned of where and with what it was taken, seen by the agency's officers only.</summary>
public sealed class ComplaintPhotoTests(SqliteComplaintGateway fixture) : IClassFixture<SqliteComplaintGateway>
{
    private GatewayApp App => fixture.App;

    private Task<string> FileRoutedToDpuprAsync() => fixture.FileRoutedToDpuprAsync("Gorong-gorong tersumbat");

    private async Task<HttpResponseMessage> SendPhotoAsync(string id, byte[] content, string contentType)
    {
        using var client = App.CreateClient();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PostAsync($"/api/complaints/{id}/photo", new MultipartFormDataContent { { file, "file", "IMG_20261207_091500.jpg" } });
    }

    [Fact]
    public async Task A_photo_is_taken_once_without_its_metadata_and_only_the_agency_and_administrators_see_it()
    {
        var id = await FileRoutedToDpuprAsync();
        var withoutPhoto = await FileRoutedToDpuprAsync();
        var (_, dpupr) = await App.SignedInAsync("officer", "dpupr");
        var (_, dishub) = await App.SignedInAsync("officer", "dishub");
        var executable = "MZ\x90\0\x03\0\0\0"u8.ToArray().Concat(new byte[100]).ToArray();
        var cut = PhonePhotos.Jpeg()[..40];
        var huge = PhonePhotos.Jpeg().Concat(new byte[5 * 1024 * 1024]).ToArray();

        var disguised = await SendPhotoAsync(id, executable, "image/jpeg");
        var broken = await SendPhotoAsync(id, cut, "image/jpeg");
        var tooLarge = await SendPhotoAsync(id, huge, "image/jpeg");
        var gif = await SendPhotoAsync(id, "GIF89a"u8.ToArray(), "image/gif");
        var taken = await SendPhotoAsync(id, PhonePhotos.Jpeg(), "image/jpeg");
        var second = await SendPhotoAsync(id, PhonePhotos.Png(), "image/png");
        var unknown = await SendPhotoAsync(Guid.NewGuid().ToString(), PhonePhotos.Jpeg(), "image/jpeg");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, disguised.StatusCode);
        Assert.True((await disguised.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("file"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, broken.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, gif.StatusCode);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var photo = (await taken.Content.ReadFromJsonAsync<JsonObject>())!["photo"]!;
        Assert.Equal("image/jpeg", (string?)photo["contentType"]);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var seen = await dpupr.GetAsync($"/api/agency/complaints/{id}/photo");
        var bytes = await seen.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal("image/jpeg", seen.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", seen.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(seen.Headers.CacheControl?.NoStore);
        Assert.False(PhonePhotos.CarriesPrivateData(bytes));
        Assert.Equal(PhonePhotos.Scan, bytes[^PhonePhotos.Scan.Length..]);
        Assert.Equal((long)photo["bytes"]!, bytes.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await dishub.GetAsync($"/api/agency/complaints/{id}/photo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dpupr.GetAsync($"/api/agency/complaints/{withoutPhoto}/photo")).StatusCode);
        using var admin = App.CreateAdminClient();
        Assert.Equal(bytes, await admin.GetByteArrayAsync($"/api/admin/complaints/{id}/photo"));
        // Each view is in the audit trail: the officer's and the administrator's (the refused officer's is not).
        var views = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?action=complaints.complaint.photo-viewed&targetId={id}"))!["items"]!.AsArray();
        Assert.Equal(2, views.Count);

        // Only the one photo taken is on disk: the refused ones left nothing behind.
        var folder = Path.Combine(App.DataDirectory, "complaint-photos", Guid.Parse(id).ToString("N"));
        Assert.Single(Directory.GetFiles(folder));
    }
}
