using System.Text;

namespace GenreOrleans.Training.Data;

/// <summary>Minimal RFC 4180 reader: quoted fields with commas, doubled quotes and line breaks.</summary>
internal static class CsvReader
{
    public static IEnumerable<string[]> ReadRows(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    yield return row.ToArray();
                    row.Clear();
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row.ToArray();
        }
    }

    /// <summary>The trimmed header and the data rows of a csv file's <paramref name="bytes"/>; <paramref name="path"/> names it in errors.</summary>
    public static (List<string> Header, List<string[]> Rows) ReadTable(byte[] bytes, string path)
    {
        using var reader = new StreamReader(new MemoryStream(bytes));
        var rows = ReadRows(reader).ToList();
        if (rows.Count == 0)
            throw new InvalidDataException($"{path} is empty");
        return (rows[0].Select(h => h.Trim()).ToList(), rows.Skip(1).ToList());
    }
}
