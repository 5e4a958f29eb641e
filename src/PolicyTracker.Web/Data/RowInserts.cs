using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PolicyTracker.Web.Data;

/// <summary>
/// Inserts new rows of mapped entity types with one prepared command per type, in the context's
/// current transaction: the hot path of a bulk import, where tracking each row and building a
/// fresh batch of SQL per save cost more than the inserts themselves (measured by the ingest
/// benchmark). Columns, names, conversions and parameters come from the EF Core model and its type
/// mappings, so a row is written exactly as SaveChanges would write it; the generated key is read
/// back into the entity. Nothing is tracked: the caller adds rows whose other rows already exist.
/// </summary>
public sealed class RowInserts(TrackerDb db) : IDisposable
{
    readonly Dictionary<Type, Insert> inserts = [];

    /// <summary>Inserts <paramref name="entity"/> and sets its generated key, if it has one.</summary>
    public async Task AddAsync<T>(T entity, CancellationToken ct) where T : class
    {
        var insert = For(typeof(T));
        insert.Bind(entity);
        if (insert.Key is null)
        {
            await insert.Command.ExecuteNonQueryAsync(ct);
            return;
        }
        var key = await insert.Command.ExecuteScalarAsync(ct);
        insert.Key.PropertyInfo!.SetValue(entity, Convert.ChangeType(key, insert.Key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    Insert For(Type type)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are inserted inside the caller's transaction.");
        if (inserts.TryGetValue(type, out var known) && known.Command.Transaction == transaction) return known;
        known?.Command.Dispose();
        return inserts[type] = Prepare(db.Model.FindEntityType(type) ?? throw new ArgumentException($"{type.Name} is not mapped."), transaction);
    }

    Insert Prepare(IEntityType entity, DbTransaction transaction)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
        var columns = entity.GetProperties().Where(p => p != key).ToList();
        // A column the database fills in itself, or one with no property to read, would be written wrongly here.
        if (columns.Any(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never || p.PropertyInfo is null))
            throw new NotSupportedException($"{entity.DisplayName()} has columns that only SaveChanges can fill.");
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var names = columns.Select((_, i) => sql.GenerateParameterNamePlaceholder("p" + i)).ToList();
        var parameters = columns.Select((_, i) => sql.GenerateParameterName("p" + i)).ToArray();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", names)})" + (key is null ? "" : $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}");
        if (entity.ClrType == typeof(Live.TrackerEvent)) Live.EventOrdering.Serialize(command);
        return new Insert(command, key, [.. columns.Select(c => (c, c.GetRelationalTypeMapping()))], parameters);
    }

    sealed record Insert(DbCommand Command, IProperty? Key, (IProperty Property, RelationalTypeMapping Mapping)[] Columns, string[] Parameters)
    {
        // Parameters are made afresh by each column's type mapping, as SaveChanges makes them (conversions
        // included); the command text, and so the statement the database prepared, stays the same.
        public void Bind(object entity)
        {
            Command.Parameters.Clear();
            for (var i = 0; i < Columns.Length; i++)
            {
                var (property, mapping) = Columns[i];
                Command.Parameters.Add(mapping.CreateParameter(Command, Parameters[i], property.PropertyInfo!.GetValue(entity), property.IsNullable));
            }
        }
    }

    public void Dispose()
    {
        foreach (var insert in inserts.Values) insert.Command.Dispose();
        inserts.Clear();
    }
}
