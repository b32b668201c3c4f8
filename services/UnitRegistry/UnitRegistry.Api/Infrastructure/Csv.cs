using CsvHelper;

namespace Tinjau.UnitRegistry.Api.Infrastructure;

/// <summary>
/// Reads CSV with CsvHelper (RFC 4180: double-quoted fields, "" as an escaped quote, line breaks inside quotes): comma
/// or semicolon separated, whichever the first line has more of; a byte order mark is skipped; fields are trimmed and
/// blank lines skipped. Each row carries the line of the file it starts on (the first line is 1), counting the lines
/// inside quoted fields, so a row after a multi-line field has a line number larger than its position. CR LF, LF and a
/// lone CR (old Mac files; the hand-written reader before CsvHelper dropped it) each end a line.
/// </summary>
public static class Csv
{
    public sealed record Row(int Line, IReadOnlyList<string> Fields);

    public static List<Row> Parse(string text)
    {
        var firstLineEnd = text.IndexOf('\n');
        var header = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var separator = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
        using var reader = CsvReader.FromText(text, new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
        });
        var rows = new List<Row>();
        while (reader.Read())
        {
            var fields = reader.Current.ToArray();
            if (fields is [var only] && string.IsNullOrWhiteSpace(only))
            {
                continue; // a line of blanks
            }
            rows.Add(new Row((int)reader.LineNumber, fields.Select(f => (f ?? "").Trim()).ToArray()));
        }
        return rows;
    }
}
