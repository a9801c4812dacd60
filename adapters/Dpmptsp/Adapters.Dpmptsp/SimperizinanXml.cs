using System.Xml.Serialization;

namespace Adapters.Dpmptsp;

// SIMPERIZINAN's messages, as its WSDL declares them (document/literal, XML serializer).

public static class SimperizinanXml
{
    public const string Namespace = "http://simperizinan.dpmptsp.bandung.go.id/ws";
}

[XmlRoot("AjukanIzin", Namespace = SimperizinanXml.Namespace)]
public sealed class AjukanIzin
{
    [XmlElement("pengajuan")]
    public PengajuanIzin Pengajuan { get; set; } = new();
}

[XmlType(Namespace = SimperizinanXml.Namespace)]
public sealed class PengajuanIzin
{
    public string? NomorReferensi { get; set; }
    public string? JenisIzin { get; set; }
    public string? NikPemohon { get; set; }
    public string? NamaPemohon { get; set; }
    public string? Nib { get; set; }
    public string? LokasiUsaha { get; set; }
    public string? Keterangan { get; set; }
}

[XmlRoot("AjukanIzinResponse", Namespace = SimperizinanXml.Namespace)]
public sealed class AjukanIzinResponse
{
    [XmlElement("AjukanIzinResult")]
    public HasilPengajuan? Result { get; set; }
}

[XmlType(Namespace = SimperizinanXml.Namespace)]
public sealed class HasilPengajuan
{
    public bool Berhasil { get; set; }
    public string? NomorRegistrasi { get; set; }
    public string? Status { get; set; }
    public string? Pesan { get; set; }
}

[XmlRoot("CekStatus", Namespace = SimperizinanXml.Namespace)]
public sealed class CekStatus
{
    [XmlElement("nomorRegistrasi")]
    public string? NomorRegistrasi { get; set; }
}

[XmlRoot("CekStatusResponse", Namespace = SimperizinanXml.Namespace)]
public sealed class CekStatusResponse
{
    [XmlElement("CekStatusResult")]
    public StatusIzin? Result { get; set; }
}

[XmlType(Namespace = SimperizinanXml.Namespace)]
public sealed class StatusIzin
{
    public string? NomorRegistrasi { get; set; }
    public string? Status { get; set; }
    public string? Catatan { get; set; }
    public string? TanggalUpdate { get; set; }
}
