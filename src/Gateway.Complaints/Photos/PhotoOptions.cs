using System.ComponentModel.DataAnnotations;

namespace Gateway.Complaints.Photos;

/// <summary><c>Complaints:Photos</c>: the one optional photo of a complaint (a pothole, a blocked drain).</summary>
public sealed class PhotoOptions
{
    /// <summary>JPEG or PNG up to this size; phones' cameras fit well within 5 MB.</summary>
    [Range(10_000, 50_000_000)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Minutes after filing within which a photo may still be added (once), for clients that send it separately.</summary>
    [Range(1, 1440)]
    public int AttachMinutes { get; set; } = 60;

    /// <summary>Under the data directory unless rooted; with several replicas, a shared volume.</summary>
    [Required]
    public string Folder { get; set; } = "complaint-photos";
}
