using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>
/// One table of the in-memory database: rows are JSON objects kept in id order with an id index.
/// <see cref="Version"/> changes with every write so listings can reuse a filtered, sorted result.
/// A table given an owner key also indexes its rows by owner (custom attributes by their resource),
/// so one resource's rows are found without scanning the table.
/// </summary>
public sealed class ResourceTable
{
    private static readonly IReadOnlyList<JObject> NoRows = [];
    private readonly List<JObject> _rows = [];
    private readonly Dictionary<long, JObject> _byId = [];
    private readonly Func<JObject, string?>? _ownerKey;
    private readonly Dictionary<string, List<JObject>> _byOwner = new(StringComparer.Ordinal);
    private readonly HashSet<string> _columns = new(StringComparer.Ordinal);
    private long _lastId;

    public ResourceTable(string klass, Func<JObject, string?>? ownerKey = null)
    {
        Klass = klass;
        _ownerKey = ownerKey;
    }

    /// <summary>The ManageIQ model class, used in messages such as <c>Couldn't find ContainerImage with 'id'=7</c>.</summary>
    public string Klass { get; }

    public int Count => _rows.Count;

    /// <summary>The rows in id order (read under the store's lock).</summary>
    public IReadOnlyList<JObject> Rows => _rows;

    public long Version { get; private set; }

    /// <summary>
    /// The table's columns: those declared (the seed's schema) and every one a row has had. Known while the table is
    /// empty, as a database's schema is, so a filter or sort on an empty collection is checked against it (read under
    /// the store's lock).
    /// </summary>
    public IReadOnlyCollection<string> Columns => _columns;

    /// <summary>Adds columns to the table's schema.</summary>
    public void DeclareColumns(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns.UnionWith(columns);
    }

    /// <summary>Stores the row, giving it the next id when it has none.</summary>
    public JObject Add(JObject row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.Value<long?>("id") ?? _lastId + 1;
        row["id"] = id;
        if (_byId.Remove(id, out var old))
        {
            _rows.Remove(old);
            Unindex(old);
        }

        _byId[id] = row;
        InsertInIdOrder(_rows, row, id);
        _columns.UnionWith(row.Properties().Select(p => p.Name));
        if (_ownerKey?.Invoke(row) is { } owner)
        {
            if (!_byOwner.TryGetValue(owner, out var owned))
            {
                _byOwner[owner] = owned = [];
            }

            InsertInIdOrder(owned, row, id);
        }

        _lastId = Math.Max(_lastId, id);
        Version++;
        return row;
    }

    public JObject? Find(long id) => _byId.GetValueOrDefault(id);

    /// <summary>The rows of one owner in id order (a table built with an owner key; read under the store's lock).</summary>
    public IReadOnlyList<JObject> OwnedBy(string owner) => _byOwner.TryGetValue(owner, out var owned) ? owned : NoRows;

    public bool Remove(long id)
    {
        if (!_byId.Remove(id, out var row))
        {
            return false;
        }

        _rows.Remove(row);
        Unindex(row);
        Version++;
        return true;
    }

    /// <summary>Marks a row changed in place (an edit), so cached listings are not reused. Edits never change the owner.</summary>
    public void Touch() => Version++;

    private static void InsertInIdOrder(List<JObject> rows, JObject row, long id)
    {
        if (rows.Count == 0 || rows[^1].Value<long>("id") < id)
        {
            rows.Add(row);
            return;
        }

        var at = rows.FindIndex(r => r.Value<long>("id") > id);
        rows.Insert(at < 0 ? rows.Count : at, row);
    }

    private void Unindex(JObject row)
    {
        if (_ownerKey?.Invoke(row) is { } owner && _byOwner.TryGetValue(owner, out var owned))
        {
            owned.Remove(row);
            if (owned.Count == 0)
            {
                _byOwner.Remove(owner);
            }
        }
    }
}
