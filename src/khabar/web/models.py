"""Pydantic models of the JSON API (they are what ``/openapi.json`` describes)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = [
    "DocumentDetail",
    "DocumentList",
    "ErrorResponse",
    "EventDetail",
    "EventList",
    "Facets",
    "Network",
    "SearchResult",
    "StoryDetail",
    "StoryList",
    "Timeline",
]


class ErrorBody(BaseModel):
    code: str = Field(description="not_found, invalid_parameter, timeout, bad_request, ...")
    message: str
    status: int
    details: list[dict[str, Any]] | None = None


class ErrorResponse(BaseModel):
    """Every error, whatever the endpoint: ``{"error": {"code", "message", "status"}}``."""

    error: ErrorBody


class Actor(BaseModel):
    name: str | None = Field(None, description="English name of a person or organisation")
    country: str | None = Field(None, description="ISO 3166 alpha-3; null: international")
    role: str | None = None
    id: str | None = Field(None, description="KB id when the actor was resolved")


class FirstMention(BaseModel):
    doc: str
    lang: str | None
    start: int
    end: int
    text: str
    title: str | None


class EventSummary(BaseModel):
    """A merged event: its representative reading's fields and counts over the cluster."""

    id: str = Field(description="the cluster id (= id of the representative reading)")
    type: str
    plover_class: str = Field(description="verbal_cooperation, material_cooperation, "
                              "verbal_conflict or material_conflict")
    mode: str | None
    date: str | None = Field(description="ISO 8601; its length is its precision")
    date_end: str | None
    source: list[Actor]
    target: list[Actor]
    location: str | None
    contexts: list[str]
    confidence: float | None
    cluster: str
    readings: int = Field(description="rows (readings) merged into this event")
    mention_count: int
    source_count: int = Field(description="distinct documents that tell the event")
    langs: list[str]
    first_mention: FirstMention | None


class EventList(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[EventSummary]
    filters: dict[str, Any]


class Trigger(BaseModel):
    start: int
    end: int
    text: str | None


class Mention(BaseModel):
    event: str = Field(description="the reading this mention belongs to")
    doc: str
    lang: str | None
    start: int = Field(description="raw offset into the document's text")
    end: int
    text: str
    rule: str | None
    confidence: float | None
    doc_title: str | None
    doc_lang: str | None
    published: str | None
    before: str = Field(description="text of the document just before the sentence")
    after: str
    trigger: Trigger | None = Field(description="offsets relative to the sentence")


class Merge(BaseModel):
    matched: str
    evidence: Any
    merged_at: str | None


class Reading(BaseModel):
    id: str
    type: str
    plover_class: str
    mode: str | None
    date: str | None
    date_end: str | None
    source: list[Actor]
    target: list[Actor]
    location: str | None
    contexts: list[str]
    confidence: float | None
    cluster: str
    merge: Merge | None
    trigger: dict[str, Any] | None


class EventDetail(EventSummary):
    readings_detail: list[Reading]
    mentions: list[Mention]
    modality: str | None
    merged: bool


class Bucket(BaseModel):
    key: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD")
    total: int
    by_class: dict[str, int]
    by_type: dict[str, int]


class Timeline(BaseModel):
    zoom: str
    first: str | None
    last: str | None
    total: int
    undated: int
    coarser: int = Field(description="dated events less precise than the zoom (not charted)")
    truncated: bool
    buckets: list[Bucket]
    by_class: dict[str, int]
    filters: dict[str, Any]
    events: EventList | None = None


class Node(BaseModel):
    id: str = Field(description="English name of a named actor, else its country code")
    kb_id: str | None = Field(None, description="KB id when some reading carried one")
    label: str
    kind: str = Field(description="person, org, state or named")
    country: str | None
    weight: int
    out: int
    # "in" is a Python keyword: the JSON key is "in"
    in_: int = Field(alias="in")

    model_config = {"populate_by_name": True}


class Edge(BaseModel):
    source: str
    target: str
    weight: int
    plover_class: str
    by_class: dict[str, int]
    by_type: dict[str, int]


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Edge]
    total_edges: int
    truncated: bool
    filters: dict[str, Any]


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    lang: str | None
    published: str | None
    url: str | None
    source: str | None
    status: str
    reason: str | None
    chars: int
    events: int
    mentions: int


class DocumentList(BaseModel):
    total: int
    limit: int
    offset: int
    documents: list[DocumentSummary]


class Span(BaseModel):
    start: int
    end: int
    label: str
    value: Any
    rule: str
    text: str


class EventMark(BaseModel):
    event: str
    reading: str
    type: str
    plover_class: str
    start: int
    end: int


class StoryRef(BaseModel):
    """The story a document belongs to (``khabar stories`` builds them)."""

    id: str
    title: str | None
    size: int = Field(description="documents in the story")
    langs: list[str]


class DocumentDetail(BaseModel):
    id: str
    title: str | None
    lang: str | None
    published: str | None
    url: str | None
    source: str | None
    status: str
    reason: str | None
    chars: int
    truncated: bool
    text: str
    layers: dict[str, list[Span]]
    event_marks: list[EventMark]
    events: list[EventSummary]
    story: StoryRef | None = Field(None, description="the story of the document; null when "
                                   "stories were not built or do not hold it yet")


class DocumentHit(BaseModel):
    id: str
    title: str | None
    lang: str | None
    published: str | None
    score: float
    start: int
    end: int
    snippet: str
    highlights: list[list[int]] = Field(description="[start, end) within the snippet")


class SearchResult(EventList):
    documents: list[DocumentHit]
    resolution: dict[str, Any] = Field(description="how the query's actor and country "
                                       "words were resolved to KB records")


class StorySummary(BaseModel):
    """A story: documents that tell the same story, across languages and sources."""

    id: str
    founder: str = Field(description="the document that started the story")
    title: str | None = Field(description="the founder's title (or the start of its text)")
    first_date: str | None = Field(description="earliest publication date of its documents")
    last_date: str | None
    size: int = Field(description="number of documents")
    langs: list[str]
    event_count: int = Field(description="merged events its documents tell")


class StoryList(BaseModel):
    total: int = Field(description="stories matching min_size and lang")
    limit: int
    offset: int
    min_size: int
    lang: str | None
    built: bool = Field(description="whether stories were built (khabar stories --db FILE)")
    all_stories: int
    assigned: int = Field(description="documents in some story")
    unassigned: int = Field(description="documents (status ok) not in a story yet: "
                            "khabar stories assigns them")
    stories: list[StorySummary]


class StoryDocument(BaseModel):
    id: str
    title: str | None
    lang: str | None
    published: str | None
    score: float | None = Field(description="cosine with the matched document; null for the "
                                "document that started the story")
    rule: str = Field(description="new (started the story), text or events")
    matched: str | None = Field(description="the document it matched")
    evidence: dict[str, Any] = Field(description="rule, matched, cosine, days_apart, "
                                     "shared_events (merged event ids)")
    joined_at: str | None
    events: int = Field(description="merged events the document tells")


class StoryEvent(EventSummary):
    story_docs: list[str] = Field(description="documents of the story that tell the event")


class StoryDay(BaseModel):
    date: str | None = Field(description="event date (any precision); null: undated")
    events: list[str]
    by_class: dict[str, int]


class StoryDetail(StorySummary):
    documents: list[StoryDocument]
    events: list[StoryEvent] = Field(description="merged events told in its documents, "
                                     "by date")
    truncated: bool = Field(description="more than 500 documents or events: the first shown")
    timeline: list[StoryDay]


class Facets(BaseModel):
    documents: int
    events: int
    readings: int
    mentions: int
    types: dict[str, int]
    langs: dict[str, int]
    docs: list[dict[str, Any]]
    countries: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    classes: dict[str, Any]
