using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace ChatBot.Adapters;

/// <summary>
/// Hands a shared Connector client to one turn. The SDK disposes the turn's client when the turn
/// ends (TurnContext disposes its TurnState); this wrapper makes that a no-op so the shared client
/// survives for the next turns.
/// </summary>
public sealed class NonDisposingConnectorClient(IConnectorClient inner) : IConnectorClient
{
    public IConnectorClient Inner { get; } = inner;

    public Uri BaseUri
    {
        get => Inner.BaseUri;
        set => Inner.BaseUri = value;
    }

    public JsonSerializerSettings SerializationSettings => Inner.SerializationSettings;
    public JsonSerializerSettings DeserializationSettings => Inner.DeserializationSettings;
    public ServiceClientCredentials Credentials => Inner.Credentials;
    public IAttachments Attachments => Inner.Attachments;
    public IConversations Conversations => Inner.Conversations;

    public void Dispose()
    {
        // Deliberately nothing: the client is shared (see ConnectorClientCache).
    }
}
