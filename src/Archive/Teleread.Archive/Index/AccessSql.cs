using Dapper;

namespace Teleread.Archive.Index;

/// <summary>The one place that turns an <see cref="ArchiveAccess"/> into SQL: every archive statement appends it.</summary>
internal static class AccessSql
{
    public static string Where(ArchiveAccess access, DynamicParameters p, string clinicColumn, string studyColumn)
    {
        if (access.IsUnrestricted)
        {
            return "";
        }

        var terms = new List<string>();
        if (access.ClinicIds is { Count: > 0 } clinics)
        {
            terms.Add(InList(clinicColumn, clinics, "AccessClinic", p));
        }

        for (var i = 0; i < (access.Studies?.Count ?? 0); i++)
        {
            p.Add("AccessC" + i, access.Studies![i].ClinicId);
            p.Add("AccessS" + i, access.Studies![i].StudyUid);
            terms.Add($"({clinicColumn} = @AccessC{i} AND {studyColumn} = @AccessS{i})");
        }

        return terms.Count == 0 ? " AND 1 = 0" : " AND (" + string.Join(" OR ", terms) + ")";
    }

    /// <summary>"column IN (@p0, @p1, …)" with one parameter per value, the same SQL in every dialect.</summary>
    public static string InList(string column, IReadOnlyList<string> values, string prefix, DynamicParameters p)
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = "@" + prefix + i;
            p.Add(prefix + i, values[i]);
        }

        return $"{column} IN ({string.Join(", ", names)})";
    }
}
