using GenreOrleans.Tests.Shared;
using GenreOrleans.Training.Data;

namespace GenreOrleans.Training.Tests.Data;

public sealed class TrainingManifestTests
{
    [Fact]
    public void Reads_a_manifest_csv_with_quoted_fields_relative_to_its_folder()
    {
        using var folder = new TemporaryDirectory("genre-training-tests");
        var directory = folder.Path;
        var path = Path.Combine(directory, "manifest.csv");
        File.WriteAllText(path,
            "file,genre,title,type,artist\n" +
            "clips/acid/1.mp3,acidhouse,Acid House,House,\"PHUTURE, DJ PIERRE\"\n" +
            "clips/dnb/2.mp3,drumnbass,Drum 'n' Bass,Jungle,\"A \"\"quoted\"\" name\"\n");

        var manifest = TrainingManifest.Load(path);

        Assert.Equal(2, manifest.Clips.Count);
        Assert.Equal(Path.Combine(directory, "clips/acid/1.mp3"), manifest.Clips[0].Path);
        Assert.Equal(("drumnbass", "Drum 'n' Bass", "Jungle"), (manifest.Clips[1].Genre, manifest.Clips[1].Title, manifest.Clips[1].Family));
        Assert.Equal(64, manifest.Sha256.Length);
    }

    [Fact]
    public void Reads_a_genre_folder_tree_with_an_optional_family_level()
    {
        using var folder = new TemporaryDirectory("genre-training-tests");
        var root = folder.Path;
        Directory.CreateDirectory(Path.Combine(root, "House", "acidhouse"));
        File.WriteAllBytes(Path.Combine(root, "House", "acidhouse", "a.mp3"), new byte[1]);
        File.WriteAllBytes(Path.Combine(root, "House", "acidhouse", "notes.txt"), new byte[1]);

        var manifest = TrainingManifest.Load(root);

        var clip = Assert.Single(manifest.Clips);
        Assert.Equal(("acidhouse", "House"), (clip.Genre, clip.Family));
    }
}
