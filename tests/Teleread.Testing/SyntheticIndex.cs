using System.Globalization;
using Teleread.Archive.Index;
using Teleread.Archive.Storage;

namespace Teleread.Testing;

/// <summary>
/// Deterministic index rows for many studies without DICOM files (for <see cref="ArchiveIndexBulkLoader"/>): round-robin over
/// the clinics, ~3 series of a few instances each, Japanese (romaji=kanji=kana) and Western patient names, dates 2016–2025,
/// unique accession numbers, ~0.6 studies per patient ID. Study n of a run is always the same.
/// </summary>
public static class SyntheticIndex
{
    private static readonly (string Romaji, string Kanji, string Kana)[] Families =
    [
        ("YAMADA", "山田", "やまだ"), ("SATO", "佐藤", "さとう"), ("SUZUKI", "鈴木", "すずき"), ("TAKAHASHI", "高橋", "たかはし"),
        ("TANAKA", "田中", "たなか"), ("WATANABE", "渡辺", "わたなべ"), ("ITO", "伊藤", "いとう"), ("NAKAMURA", "中村", "なかむら"),
        ("KOBAYASHI", "小林", "こばやし"), ("KATO", "加藤", "かとう"), ("YOSHIDA", "吉田", "よしだ"), ("YAMAMOTO", "山本", "やまもと"),
        ("SASAKI", "佐々木", "ささき"), ("MATSUMOTO", "松本", "まつもと"), ("INOUE", "井上", "いのうえ"), ("KIMURA", "木村", "きむら"),
        ("HAYASHI", "林", "はやし"), ("SHIMIZU", "清水", "しみず"), ("MORI", "森", "もり"), ("IKEDA", "池田", "いけだ"),
    ];

    private static readonly (string Romaji, string Kanji, string Kana)[] Givens =
    [
        ("TARO", "太郎", "たろう"), ("HANAKO", "花子", "はなこ"), ("ICHIRO", "一郎", "いちろう"), ("YUKI", "由紀", "ゆき"),
        ("KENJI", "健二", "けんじ"), ("MISAKI", "美咲", "みさき"), ("HIROSHI", "博", "ひろし"), ("AYA", "彩", "あや"),
        ("TAKESHI", "健", "たけし"), ("SAKURA", "さくら", "さくら"), ("DAISUKE", "大輔", "だいすけ"), ("EMI", "恵美", "えみ"),
    ];

    private static readonly string[] Western = ["SMITH", "JOHNSON", "MÜLLER", "GARCIA", "NGUYEN", "KIM", "BROWN", "MARTIN"];

    private static readonly (string Modality, string SopClass, string Description)[] Kinds =
    [
        ("CT", "1.2.840.10008.5.1.4.1.1.2", "CT CHEST"), ("MR", "1.2.840.10008.5.1.4.1.1.4", "MR BRAIN"),
        ("CR", "1.2.840.10008.5.1.4.1.1.1", "CHEST PA"), ("DX", "1.2.840.10008.5.1.4.1.1.1.1", "KNEE"),
        ("US", "1.2.840.10008.5.1.4.1.1.6.1", "ABDOMEN"), ("MG", "1.2.840.10008.5.1.4.1.1.1.2", "MAMMO SCREENING"),
    ];

    /// <summary>The index rows of studies [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>).</summary>
    public static List<(InstanceRecord Record, BlobCommit Blob)> Studies(IReadOnlyList<string> clinics, int first, int count)
    {
        var rows = new List<(InstanceRecord, BlobCommit)>(count * 10);
        for (var n = first; n < first + count; n++)
        {
            rows.AddRange(Study(clinics, n));
        }

        return rows;
    }

    public static string PatientName(int n) => Name(new Random(n).Next(), n);

    public static string PatientId(int n) => "P" + (n * 3 / 5).ToString("D7", CultureInfo.InvariantCulture);

    public static string AccessionNumber(int n) => "A" + (10_000_000 + n).ToString(CultureInfo.InvariantCulture);

    public static string StudyUid(int n) => "1.2.826.0.1.3680043.10.1234." + n.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<(InstanceRecord, BlobCommit)> Study(IReadOnlyList<string> clinics, int n)
    {
        var random = new Random(n);
        var name = Name(random.Next(), n);
        var clinic = clinics[n % clinics.Count];
        var kind = Kinds[random.Next(Kinds.Length)];
        var date = new DateOnly(2016, 1, 1).AddDays(random.Next(3650)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = random.Next(80000, 190000).ToString("D6", CultureInfo.InvariantCulture);
        var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(30000)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var study = StudyUid(n);
        var seriesCount = 2 + random.Next(3);
        for (var s = 1; s <= seriesCount; s++)
        {
            // A few studies carry a structured report or a second modality, so ModalitiesInStudy is multi-valued.
            var modality = s == seriesCount && random.Next(8) == 0 ? "SR" : kind.Modality;
            var series = $"{study}.{s}";
            var instances = 1 + random.Next(5);
            for (var i = 1; i <= instances; i++)
            {
                var sop = $"{series}.{i}";
                var record = new InstanceRecord(clinic, study, series, sop, kind.SopClass, PatientId(n), name, birth, random.Next(2) == 0 ? "F" : "M",
                    date, time, AccessionNumber(n), (n % 100_000).ToString(CultureInfo.InvariantCulture), kind.Description, "REF^DOCTOR",
                    name.Contains('=', StringComparison.Ordinal) ? "ISO_IR 192" : "", modality, s.ToString(CultureInfo.InvariantCulture),
                    kind.Description + " " + s.ToString(CultureInfo.InvariantCulture), "CHEST", i.ToString(CultureInfo.InvariantCulture),
                    512, 512, 16, 1, "1.2.840.10008.1.2.1");
                yield return (record, new BlobCommit($"synthetic/{clinic}/{sop}", 524_288, n.ToString("x64", CultureInfo.InvariantCulture)));
            }
        }
    }

    private static string Name(int seed, int n)
    {
        var random = new Random(seed);
        if (n % 5 == 4)
        {
            return $"{Western[random.Next(Western.Length)]}^{Givens[random.Next(Givens.Length)].Romaji}";
        }

        // 20 families × 12 given names: a family-name prefix matches ~4% of the studies, a full name ~0.3%.
        var f = Families[random.Next(Families.Length)];
        var g = Givens[random.Next(Givens.Length)];
        return $"{f.Romaji}^{g.Romaji}={f.Kanji}^{g.Kanji}={f.Kana}^{g.Kana}";
    }
}
