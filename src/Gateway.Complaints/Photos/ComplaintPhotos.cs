using Gateway.Complaints.Persistence;
using Gateway.Complaints.Routing;
using Gateway.Platform.Audit;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Storage;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Complaints.Photos;

/// <summary>A photo written to disk, ready to be recorded with its complaint.</summary>
internal sealed record TakenPhoto(Guid Id, string ContentType, long Bytes, string Sha256);

/// <summary>Why a photo was not taken: the problem's kind and the words (the field is always the photo).</summary>
public readonly record struct PhotoRefusal(ProblemKind Kind, BilingualText Message);

/// <summary>
/// Complaint photos: a JPEG or PNG (by its first bytes, not its claim) within <c>Complaints:Photos:MaxBytes</c>,
/// its metadata taken out (<see cref="ImageMetadata"/>), written under a name the gateway makes.
/// </summary>
internal sealed class ComplaintPhotos(IOptions<ComplaintOptions> options, IOptions<StorageOptions> storage, IHostEnvironment environment, AuditTrail audit)
{
    private static readonly string[] Types = ["image/jpeg", "image/png"];

    private readonly FileFolder _folder = new(storage.Value.ResolveFolder(environment.ContentRootPath, options.Value.Photos.Folder));

    public PhotoOptions Options => options.Value.Photos;

    public async Task<(TakenPhoto? Photo, PhotoRefusal? Refusal)> TakeAsync(Guid complaintId, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Refused(ProblemKind.Validation, PhotoTexts.Required);
        }

        var contentType = FileTypes.Bare(file.ContentType);
        if (!Types.Contains(contentType))
        {
            return Refused(ProblemKind.UnsupportedMediaType, PhotoTexts.TypeNotAccepted);
        }

        if (file.Length > Options.MaxBytes)
        {
            return Refused(ProblemKind.PayloadTooLarge, PhotoTexts.TooLarge.With(Options.MaxBytes / (1024 * 1024)));
        }

        var image = new byte[file.Length];
        await using (var content = file.OpenReadStream())
        {
            await content.ReadExactlyAsync(image, cancellationToken);
        }

        if (!FileTypes.Matches(contentType, image.AsSpan(0, Math.Min(image.Length, FileTypes.HeaderLength)))
            || ImageMetadata.Strip(contentType, image) is not { } clean)
        {
            return Refused(ProblemKind.UnsupportedMediaType, PhotoTexts.NotAnImage.With(contentType));
        }

        var id = NewId.NextGuid();
        using var cleanContent = new MemoryStream(clean, writable: false);
        var saved = await _folder.SaveAsync(complaintId, id, cleanContent, Options.MaxBytes, cancellationToken);
        return (new TakenPhoto(id, contentType, saved!.Value.Length, saved.Value.Sha256), null);
    }

    /// <summary>
    /// The photo for staff: shown inline, never cached by a shared cache, never sniffed as anything but an image.
    /// A photo may show people or number plates: each view is in the audit trail, and on the complainant's data page.
    /// </summary>
    public async Task<IResult> ServeAsync(ComplaintsDbContext db, Model.Complaint complaint, CancellationToken cancellationToken)
    {
        if (complaint.PhotoId is not { } photoId)
        {
            return Problems.NotFound(PhotoTexts.None.With(complaint.Id));
        }

        audit.Record(db, new AuditEntry("complaints.complaint.photo-viewed", "complaint", complaint.Id.ToString())
        {
            DataSubject = complaint.CitizenId?.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);

        var extension = complaint.PhotoContentType == "image/png" ? "png" : "jpg";
        return new PhotoFile(_folder.Open(complaint.Id, photoId), complaint.PhotoContentType!, $"pengaduan-{complaint.Id:N}.{extension}");
    }

    public void Delete(Guid complaintId, Guid photoId) => _folder.Delete(complaintId, photoId);

    private static (TakenPhoto?, PhotoRefusal?) Refused(ProblemKind kind, BilingualText message) => (null, new PhotoRefusal(kind, message));
}

/// <summary>The file, with the headers a photo of a complaint needs.</summary>
internal sealed class PhotoFile(Stream content, string contentType, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = "private, no-store";
        httpContext.Response.Headers.XContentTypeOptions = "nosniff";
        await Results.Stream(content, contentType, fileName).ExecuteAsync(httpContext);
    }
}

internal static class PhotoRecording
{
    public static void WithPhoto(this Model.Complaint complaint, TakenPhoto? photo)
    {
        if (photo is null)
        {
            return;
        }

        complaint.PhotoId = photo.Id;
        complaint.PhotoContentType = photo.ContentType;
        complaint.PhotoBytes = photo.Bytes;
        complaint.PhotoSha256 = photo.Sha256;
    }
}
