using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Data;

sealed class AppStateConfiguration : IEntityTypeConfiguration<AppState>
{
    public void Configure(EntityTypeBuilder<AppState> state)
    {
        state.HasKey(s => s.Key);
        state.Property(s => s.Key).HasMaxLength(100);
    }
}
