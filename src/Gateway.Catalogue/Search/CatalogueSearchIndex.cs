using Gateway.Catalogue.Model;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Gateway.Catalogue.Search;

/// <summary>
/// Full-text search over the catalogue in Indonesian and English, held in memory. Indonesian text is
/// stemmed by Lucene's Indonesian stemmer ("perizinan" finds "izin"), English by Porter ("permits" finds
/// "permit"); names also match by prefix and with one typo, because citizens type "akta lahir" and
/// "kelahran". In memory, so SQLite and PostgreSQL behave the same. Kept up to date incrementally: a
/// reload re-indexes only the services (or agencies) whose version changed, so an edit in a catalogue of
/// thousands costs milliseconds.
/// </summary>
internal sealed class CatalogueSearchIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string SlugField = "slug";
    private const string RawNameField = "name_raw";

    private static readonly Analyzer Indonesian = new IndonesianAnalyzer(Version);
    private static readonly Analyzer English = new EnglishAnalyzer(Version);
    private static readonly Analyzer Plain = new StandardAnalyzer(Version);

    /// <summary>Each searchable field, the analyzer that reads it and how much a match in it counts.</summary>
    private static readonly (string Name, Analyzer Analyzer, float Boost)[] Fields =
    [
        ("name_id", Indonesian, 4f),
        ("name_en", English, 4f),
        ("codes", Plain, 2f),        // slug, agency code and category code, as typed in URLs
        ("meta_id", Indonesian, 2f), // agency name and category label
        ("meta_en", English, 2f),
        ("text_id", Indonesian, 1f), // description, requirements, procedure, product
        ("text_en", English, 1f),
    ];

    private static readonly Analyzer PerField = new PerFieldAnalyzerWrapper(
        Plain, Fields.ToDictionary(f => f.Name, f => f.Analyzer));

    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly Dictionary<string, IndexedVersion> _indexed = new(StringComparer.Ordinal);
    private volatile IndexSearcher _searcher;

    public CatalogueSearchIndex()
    {
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, PerField));
        _writer.Commit();
        _searcher = new IndexSearcher(DirectoryReader.Open(_writer, applyAllDeletes: true));
    }

    /// <summary>A new index holding exactly these services.</summary>
    public static CatalogueSearchIndex Build(IReadOnlyList<Service> services)
    {
        var index = new CatalogueSearchIndex();
        index.Update(services);
        return index;
    }

    /// <summary>Brings the index in line with the catalogue. Not thread-safe: called by one reload at a time.</summary>
    public void Update(IReadOnlyList<Service> services)
    {
        var changed = false;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            present.Add(service.Slug);
            var version = new IndexedVersion(service.Id, service.Version, service.Agency!.Version);
            if (_indexed.TryGetValue(service.Slug, out var indexed) && indexed == version)
            {
                continue;
            }

            _writer.UpdateDocument(new Term(SlugField, service.Slug), ToDocument(service));
            _indexed[service.Slug] = version;
            changed = true;
        }

        foreach (var gone in _indexed.Keys.Where(slug => !present.Contains(slug)).ToList())
        {
            _writer.DeleteDocuments(new Term(SlugField, gone));
            _indexed.Remove(gone);
            changed = true;
        }

        if (changed)
        {
            var previous = _searcher.IndexReader;
            _searcher = new IndexSearcher(DirectoryReader.Open(_writer, applyAllDeletes: true));
            // Searches already running hold their own reference; closing only decrements it.
            previous.DecRef();
        }
    }

    /// <summary>Slugs of the matching services, best first. Text made only of stop words matches nothing.</summary>
    public IReadOnlyList<string> Search(string text, int max = 10_000)
    {
        var query = BuildQuery(text);
        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var searcher = _searcher;
        var reader = searcher.IndexReader;
        if (!reader.TryIncRef())
        {
            searcher = _searcher; // replaced and closed meanwhile: take the current one
            reader = searcher.IndexReader;
            reader.IncRef();
        }

        try
        {
            var hits = searcher.Search(query, Math.Max(1, max)).ScoreDocs;
            return hits.Select(h => searcher.Doc(h.Doc).Get(SlugField, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }
        finally
        {
            reader.DecRef();
        }
    }

    public void Dispose()
    {
        _searcher.IndexReader.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private readonly record struct IndexedVersion(Guid ServiceId, int ServiceVersion, int AgencyVersion);

    private static BooleanQuery BuildQuery(string text)
    {
        var query = new BooleanQuery();
        foreach (var (name, analyzer, boost) in Fields)
        {
            foreach (var term in Analyze(analyzer, name, text).Distinct())
            {
                query.Add(new TermQuery(new Term(name, term)) { Boost = boost }, Occur.SHOULD);
            }
        }

        var words = Analyze(Plain, RawNameField, text).ToList();
        foreach (var word in words.Where(w => w.Length >= 5).Distinct())
        {
            query.Add(new FuzzyQuery(new Term(RawNameField, word), maxEdits: 1) { Boost = 0.5f }, Occur.SHOULD);
        }

        if (words.Count > 0 && words[^1].Length >= 3)
        {
            // The last word may still be being typed.
            query.Add(new PrefixQuery(new Term(RawNameField, words[^1])) { Boost = 1.5f }, Occur.SHOULD);
        }

        return query;
    }

    private static List<string> Analyze(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static Document ToDocument(Service service)
    {
        var agency = service.Agency!;
        var category = Categories.Exists(service.Category) ? Categories.Get(service.Category) : null;
        var standard = service.Standard;
        var texts = new[] { service.Description, standard.Product }
            .Concat(standard.Requirements)
            .Concat(standard.Procedure)
            .ToList();

        return
        [
            new StringField(SlugField, service.Slug, Field.Store.YES),
            new TextField("name_id", service.Name.Id, Field.Store.NO),
            new TextField("name_en", service.Name.En ?? string.Empty, Field.Store.NO),
            new TextField(RawNameField, $"{service.Name.Id} {service.Name.En}", Field.Store.NO),
            new TextField("codes", $"{service.Slug.Replace('-', ' ')} {agency.Code} {service.Category}", Field.Store.NO),
            new TextField("meta_id", $"{agency.Name.Id}\n{category?.Label.Id}", Field.Store.NO),
            new TextField("meta_en", $"{agency.Name.En}\n{category?.Label.En}", Field.Store.NO),
            new TextField("text_id", string.Join('\n', texts.Select(t => t.Id)), Field.Store.NO),
            new TextField("text_en", string.Join('\n', texts.Select(t => t.En ?? string.Empty)), Field.Store.NO),
        ];
    }
}
