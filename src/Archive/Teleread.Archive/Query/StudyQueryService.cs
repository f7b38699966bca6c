using System.Globalization;
using Dapper;
using Teleread.Archive.Index;
using Teleread.Data;
using Teleread.Dicom;

namespace Teleread.Archive.Query;

/// <summary>Answers <see cref="StudyQuery"/> for C-FIND and QIDO-RS from the index, scoped by the caller's access in SQL.</summary>
public sealed class StudyQueryService(IDatabase db)
{
    public const int MaxResults = 10_000;

    /// <summary>
    /// True when the index can match on <paramref name="tag"/> (at some level), at the top level or inside the item of
    /// <paramref name="sequence"/>; <see cref="StudyQuery.Keys"/> then holds it by <paramref name="tag"/> alone.
    /// </summary>
    public static bool CanMatch(DicomTag tag, DicomTag? sequence = null) => QueryColumns.All.Any(c => c.Tag == tag && c.InSequence == sequence);

    public Task<IReadOnlyList<DicomDataset>> QueryAsync(ArchiveAccess access, StudyQuery query, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<DicomDataset>>(async c =>
        {
            var p = new DynamicParameters();
            var (sql, columns) = BuildSql(access, query, p, db.Dialect);
            var rows = await c.QueryAsync(new CommandDefinition(sql, p, cancellationToken: ct)).ConfigureAwait(false);
            var result = new List<DicomDataset>();
            foreach (IDictionary<string, object?> row in rows)
            {
                result.Add(ToDataset(row, columns, query.Level));
            }

            return result;
        }, ct);

    private static (string Sql, IReadOnlyList<QueryColumns.Column> Columns) BuildSql(ArchiveAccess access, StudyQuery q, DynamicParameters p, SqlDialectKind dialect)
    {
        var level = q.Level;
        var columns = level == QueryLevel.Patient
            ? QueryColumns.All.Where(c => c.Level == QueryLevel.Patient).ToList()
            : QueryColumns.All.Where(c => c.Level <= level && c.Level != QueryLevel.Patient || c.Level == QueryLevel.Patient).ToList();
        var from = level switch
        {
            QueryLevel.Series => "archive_studies st JOIN archive_series se ON se.clinic_id = st.clinic_id AND se.study_uid = st.study_uid",
            QueryLevel.Image => "archive_studies st JOIN archive_series se ON se.clinic_id = st.clinic_id AND se.study_uid = st.study_uid " +
                                "JOIN archive_instances im ON im.clinic_id = se.clinic_id AND im.series_uid = se.series_uid",
            _ => "archive_studies st",
        };

        var where = new List<string> { "1 = 1" };
        if (q.StudyInstanceUid is not null)
        {
            p.Add("ScopeStudy", q.StudyInstanceUid);
            where.Add("st.study_uid = @ScopeStudy");
        }

        if (q.SeriesInstanceUid is not null && level >= QueryLevel.Series)
        {
            p.Add("ScopeSeries", q.SeriesInstanceUid);
            where.Add("se.series_uid = @ScopeSeries");
        }

        var i = 0;
        foreach (var (tag, raw) in q.Keys)
        {
            var value = raw.Trim();
            var column = QueryColumns.All.FirstOrDefault(c => c.Tag == tag);
            if (column is null || value.Length == 0 || value == "*" || column.Level > level)
            {
                continue;
            }

            var name = "k" + i++;
            where.Add(Condition(column, value, name, p, q.FuzzyNames, dialect));
        }

        var select = string.Join(", ", columns.Select((c, n) => level == QueryLevel.Patient ? $"MIN({c.Sql}) AS c{n}" : $"{c.Sql} AS c{n}"));
        var access_ = AccessSql.Where(access, p, "st.clinic_id", "st.study_uid");
        var order = level switch
        {
            QueryLevel.Patient => " GROUP BY st.clinic_id, st.patient_id ORDER BY MIN(st.patient_id)",
            QueryLevel.Study => " ORDER BY st.study_date DESC, st.study_time DESC, st.study_uid",
            QueryLevel.Series => " ORDER BY st.study_uid, se.series_number, se.series_uid",
            _ => " ORDER BY st.study_uid, se.series_uid, im.instance_number, im.sop_instance_uid",
        };
        p.Add("Limit", Math.Clamp(q.Limit, 1, MaxResults));
        p.Add("Offset", Math.Max(0, q.Offset));
        var sql = $"SELECT {select} FROM {from} WHERE {string.Join(" AND ", where)}{access_}{order} LIMIT @Limit OFFSET @Offset";
        return (sql, columns);
    }

    private static string Condition(QueryColumns.Column column, string value, string name, DynamicParameters p, bool fuzzy, SqlDialectKind dialect)
    {
        switch (column.Kind)
        {
            case QueryColumns.Match.PersonName:
                return PersonNameCondition(value, name, p, fuzzy, dialect);
            case QueryColumns.Match.Modalities:
                var mods = value.Split('\\', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                for (var m = 0; m < mods.Length; m++)
                {
                    // Stored as "|CT|MR|": '|' is no wildcard or escape character in either dialect's LIKE.
                    p.Add($"{name}_{m}", "%|" + mods[m] + "|%");
                }

                return "(" + string.Join(" OR ", mods.Select((_, m) => $"{column.Sql} LIKE @{name}_{m}")) + ")";
            case QueryColumns.Match.DateRange when value.Contains('-', StringComparison.Ordinal):
                var dash = value.IndexOf('-', StringComparison.Ordinal);
                var from = value[..dash].Trim();
                var to = value[(dash + 1)..].Trim();
                var terms = new List<string>();
                if (from.Length > 0)
                {
                    p.Add(name + "_from", from);
                    terms.Add($"{column.Sql} >= @{name}_from");
                }

                if (to.Length > 0)
                {
                    // TM upper bounds include every fraction of the named second; DA bounds compare as strings.
                    p.Add(name + "_to", DicomDictionary.DefaultVR(column.Tag) == DicomVR.TM ? to + "\uffff" : to);
                    terms.Add($"{column.Sql} <= @{name}_to");
                }

                terms.Add($"{column.Sql} <> ''");
                return "(" + string.Join(" AND ", terms) + ")";
            case QueryColumns.Match.Uid when value.Contains('\\', StringComparison.Ordinal):
                return AccessSql.InList(column.Sql, value.Split('\\', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), name + "_", p);
            default:
                if (column.Sql.EndsWith("_count", StringComparison.Ordinal) || column.Sql.Contains("number_of", StringComparison.Ordinal) || column.Sql.Contains("bits", StringComparison.Ordinal))
                {
                    p.Add(name, long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : -1);
                    return $"{column.Sql} = @{name}";
                }

                if (value.AsSpan().IndexOfAny('*', '?') >= 0)
                {
                    p.Add(name, Pattern(value, dialect));
                    return Like(column.Sql, name, dialect);
                }

                p.Add(name, value);
                return $"{column.Sql} = @{name}";
        }
    }

    private static string PersonNameCondition(string value, string name, DynamicParameters p, bool fuzzy, SqlDialectKind dialect)
    {
        // A query value may itself carry groups ("Yamada*=山田*"): each non-empty group must match some stored group.
        var groups = value.Split('=').Select(g => PersonNameSearch.Normalise(g.Trim())).Where(g => g.Length > 0).ToList();
        var clauses = new List<string>();
        for (var g = 0; g < groups.Count; g++)
        {
            var pattern = groups[g];
            var hasWildcard = pattern.AsSpan().IndexOfAny('*', '?') >= 0;
            var alternatives = new List<string>();
            var pn = $"{name}_{g}";
            if (hasWildcard || fuzzy)
            {
                var prefix = hasWildcard ? pattern : pattern + "*";
                p.Add(pn, Pattern(prefix, dialect));
                if (fuzzy)
                {
                    p.Add(pn + "c", Pattern("*^" + prefix.TrimStart('*'), dialect));
                }
            }
            else
            {
                p.Add(pn, pattern);
            }

            foreach (var col in new[] { "st.pn_alphabetic", "st.pn_ideographic", "st.pn_phonetic" })
            {
                alternatives.Add(hasWildcard || fuzzy ? Like(col, pn, dialect) : $"{col} = @{pn}");
                if (fuzzy)
                {
                    alternatives.Add(Like(col, pn + "c", dialect));
                }
            }

            clauses.Add("(" + string.Join(" OR ", alternatives) + ")");
        }

        return clauses.Count == 0 ? "1 = 1" : "(" + string.Join(" AND ", clauses) + ")";
    }

    // Case-sensitive wildcard matching in both dialects: GLOB in SQLite, LIKE in PostgreSQL.
    private static string Like(string column, string parameter, SqlDialectKind dialect) =>
        dialect == SqlDialectKind.Sqlite ? $"{column} GLOB @{parameter}" : $"{column} LIKE @{parameter} ESCAPE '\\'";

    private static string Pattern(string dicomWildcard, SqlDialectKind dialect)
    {
        var sb = new System.Text.StringBuilder(dicomWildcard.Length + 4);
        foreach (var ch in dicomWildcard)
        {
            if (dialect == SqlDialectKind.Sqlite)
            {
                sb.Append(ch switch { '*' => "*", '?' => "?", '[' => "[[]", ']' => "[]]", _ => ch.ToString() });
            }
            else
            {
                sb.Append(ch switch { '*' => "%", '?' => "_", '%' => "\\%", '_' => "\\_", '\\' => "\\\\", _ => ch.ToString() });
            }
        }

        return sb.ToString();
    }

    private static DicomDataset ToDataset(IDictionary<string, object?> row, IReadOnlyList<QueryColumns.Column> columns, QueryLevel level)
    {
        var ds = new DicomDataset();
        var items = new Dictionary<DicomTag, DicomItem>();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddOrUpdate(DicomTags.QueryRetrieveLevel, DicomVR.CS, level == QueryLevel.Image ? "IMAGE" : level.ToString().ToUpperInvariant());
        for (var n = 0; n < columns.Count; n++)
        {
            var column = columns[n];
            var value = Convert.ToString(row["c" + n], CultureInfo.InvariantCulture) ?? "";
            if (column.Kind == QueryColumns.Match.Modalities)
            {
                ds.AddOrUpdate(column.Tag, DicomVR.CS, value.Split('|', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }

            var vr = DicomDictionary.DefaultVR(column.Tag);
            if (column.InSequence is { } sequence)
            {
                if (value.Length > 0)
                {
                    (items.TryGetValue(sequence, out var item) ? item : items[sequence] = new DicomItem()).AddOrUpdate(column.Tag, vr, [value]);
                }

                continue;
            }

            if (vr == DicomVR.US || vr == DicomVR.UL || vr == DicomVR.SS)
            {
                if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0)
                {
                    ds.AddOrUpdate<ushort>(column.Tag, DicomVR.US, [(ushort)Math.Min(number, ushort.MaxValue)]);
                }

                continue;
            }

            ds.AddOrUpdate(column.Tag, vr, value.Length == 0 ? [] : [value]);
        }

        foreach (var (sequence, item) in items)
        {
            ds.AddOrUpdate(new DicomSequence(sequence, item));
        }

        return ds;
    }
}
