using System.ServiceModel;
using System.Xml.Serialization;

namespace Adapters.Dpmptsp.LegacyApp;

/// <summary>SIMPERIZINAN's web service, as its WSDL (openapi/agencies/dpmptsp-simperizinan.wsdl) describes it.</summary>
[ServiceContract(Namespace = SimperizinanApp.Namespace)]
public interface ISimperizinanService
{
    /// <summary>Registers a permit application; the same NomorReferensi again returns the first registration.</summary>
    [OperationContract]
    HasilPengajuan AjukanIzin(PengajuanIzin pengajuan);

    /// <summary>Where one registration stands.</summary>
    [OperationContract]
    StatusIzin CekStatus(string nomorRegistrasi);
}

[XmlType(Namespace = SimperizinanApp.Namespace)]
public sealed class PengajuanIzin
{
    public string? NomorReferensi { get; set; }
    public string? JenisIzin { get; set; }
    public string? NikPemohon { get; set; }
    public string? NamaPemohon { get; set; }

    /// <summary>The business identification number (NIB) from OSS; required for business permits.</summary>
    public string? Nib { get; set; }

    public string? LokasiUsaha { get; set; }
    public string? Keterangan { get; set; }
}

[XmlType(Namespace = SimperizinanApp.Namespace)]
public sealed class HasilPengajuan
{
    public bool Berhasil { get; set; }
    public string? NomorRegistrasi { get; set; }
    public string? Status { get; set; }
    public string? Pesan { get; set; }
}

[XmlType(Namespace = SimperizinanApp.Namespace)]
public sealed class StatusIzin
{
    public string? NomorRegistrasi { get; set; }
    public string? Status { get; set; }
    public string? Catatan { get; set; }

    /// <summary>dd/MM/yyyy HH:mm, WIB.</summary>
    public string? TanggalUpdate { get; set; }
}
