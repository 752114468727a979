namespace GenreOrleans.Training.Data;

/// <summary>One labelled audio file of a training manifest (path absolute, labels as in the manifest).</summary>
public sealed record ClipRecord(string Path, string RelativePath, string Genre, string Title, string Family);
