using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks one symbol-version requirement (e.g. GLIBCXX_3.4.32) of an ELF64 shared library weak,
/// so that the dynamic loader accepts a host whose libstdc++ lacks that version. Only the
/// vna_flags field of the matching Elf64_Vernaux entry changes; nothing else in the file moves.
/// Does nothing when the host's libstdc++ already defines the version.
/// </summary>
public sealed class MarkGlibcxxVersionWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    };

    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        if (HostProvidesVersion())
        {
            Log.LogMessage(MessageImportance.Low, $"host libstdc++ provides {VersionName}; native libraries left as shipped");
            return true;
        }
        foreach (var item in Libraries)
        {
            var path = item.ItemSpec;
            try
            {
                var bytes = File.ReadAllBytes(path);
                var changed = MarkWeak(bytes, VersionName);
                if (changed == 0)
                    continue;
                // Write a new file instead of patching in place, so a hard link into the NuGet cache is never modified.
                var temp = path + ".patching";
                File.WriteAllBytes(temp, bytes);
                File.Delete(path);
                File.Move(temp, path);
                Log.LogMessage(MessageImportance.Normal, $"marked {VersionName} weak in {path}");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException)
            {
                Log.LogWarning($"could not mark {VersionName} weak in {path}: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private bool HostProvidesVersion()
    {
        var needle = Encoding.ASCII.GetBytes(VersionName + "\0");
        foreach (var candidate in LibStdCxxCandidates)
        {
            if (File.Exists(candidate))
                return IndexOf(File.ReadAllBytes(candidate), needle) >= 0;
        }
        // No libstdc++ where we looked: patching is harmless (the requirement only becomes weak).
        return false;
    }

    /// <summary>Returns how many Vernaux entries were changed (0 when already weak or absent).</summary>
    internal static int MarkWeak(byte[] elf, string versionName)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only little-endian ELF64 is supported");

        var sectionTable = (long)ReadU64(elf, 0x28);
        int sectionSize = ReadU16(elf, 0x3A), sectionCount = ReadU16(elf, 0x3C);
        var changed = 0;
        for (var s = 0; s < sectionCount; s++)
        {
            var header = checked((int)(sectionTable + (long)s * sectionSize));
            if (ReadU32(elf, header + 4) != ShtGnuVerneed)
                continue;
            var offset = checked((int)ReadU64(elf, header + 0x18));
            var stringSection = (int)ReadU32(elf, header + 0x28);
            var entryCount = (int)ReadU32(elf, header + 0x2C);
            var strings = checked((int)ReadU64(elf, checked((int)(sectionTable + (long)stringSection * sectionSize)) + 0x18));

            // Elf64_Verneed { u16 version, cnt; u32 file, aux, next } -> Elf64_Vernaux { u32 hash; u16 flags, other; u32 name, next }
            var need = offset;
            for (var n = 0; n < entryCount; n++)
            {
                var auxCount = ReadU16(elf, need + 2);
                var aux = need + (int)ReadU32(elf, need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadCString(elf, strings + (int)ReadU32(elf, aux + 8));
                    var flags = ReadU16(elf, aux + 4);
                    if (name == versionName && (flags & VerFlagWeak) == 0)
                    {
                        WriteU16(elf, aux + 4, (ushort)(flags | VerFlagWeak));
                        changed++;
                    }
                    aux += (int)ReadU32(elf, aux + 12);
                }
                var next = (int)ReadU32(elf, need + 12);
                if (next == 0)
                    break;
                need += next;
            }
        }
        return changed;
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
                j++;
            if (j == needle.Length)
                return i;
        }
        return -1;
    }

    private static ushort ReadU16(byte[] b, int at) => (ushort)(b[at] | b[at + 1] << 8);
    private static uint ReadU32(byte[] b, int at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);
    private static ulong ReadU64(byte[] b, int at) => ReadU32(b, at) | (ulong)ReadU32(b, at + 4) << 32;

    private static void WriteU16(byte[] b, int at, ushort value)
    {
        b[at] = (byte)value;
        b[at + 1] = (byte)(value >> 8);
    }

    private static string ReadCString(byte[] b, int at)
    {
        var end = at;
        while (end < b.Length && b[end] != 0)
            end++;
        return Encoding.ASCII.GetString(b, at, end - at);
    }
}
