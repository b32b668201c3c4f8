using System.Text;

namespace Tinjau.UnitRegistry.Api.Infrastructure;

/// <summary>A small RFC 4180 reader: comma or semicolon separated, double-quoted fields, "" as an escaped quote.</summary>
public static class Csv
{
    public sealed record Row(int Line, IReadOnlyList<string> Fields);

    public static List<Row> Parse(string text)
    {
        var rows = new List<Row>();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        var firstLineEnd = text.IndexOf('\n');
        var header = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var separator = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';

        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var rowLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r')
            {
                // ignored; \n ends the row
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                AddRow(rows, rowLine, fields);
                fields = [];
                line++;
                rowLine = line;
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddRow(rows, rowLine, fields);
        }
        return rows;
    }

    private static void AddRow(List<Row> rows, int line, List<string> fields)
    {
        if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
        {
            return; // blank line
        }
        rows.Add(new Row(line, fields.Select(f => f.Trim()).ToArray()));
    }
}
