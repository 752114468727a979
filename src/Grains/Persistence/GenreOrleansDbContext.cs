using Microsoft.EntityFrameworkCore;

namespace GenreOrleans.Grains.Persistence;

/// <summary>The application database: tracks (TrackGrain state) and the schema version.</summary>
public sealed class GenreOrleansDbContext(DbContextOptions<GenreOrleansDbContext> options) : DbContext(options)
{
    public DbSet<TrackRecord> Tracks => Set<TrackRecord>();

    public DbSet<SchemaVersionRecord> SchemaVersions => Set<SchemaVersionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var track = modelBuilder.Entity<TrackRecord>();
        track.ToTable("Tracks");
        track.HasKey(t => t.Id);
        track.Property(t => t.OwnerId).HasMaxLength(128);
        track.Property(t => t.FileName).HasMaxLength(512);
        track.Property(t => t.StoredPath).HasMaxLength(1024);
        track.Property(t => t.Status).HasMaxLength(32);
        track.Property(t => t.Error).HasMaxLength(2048);
        track.Property(t => t.Version).IsConcurrencyToken();
        track.HasIndex(t => new { t.OwnerId, t.CreatedAtUtc });
        track.HasIndex(t => t.Status);

        var schema = modelBuilder.Entity<SchemaVersionRecord>();
        schema.ToTable("SchemaVersion");
        schema.HasKey(s => s.Id);
        schema.Property(s => s.Id).ValueGeneratedNever();
    }
}
