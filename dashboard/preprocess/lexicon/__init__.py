"""Word tables of the extraction, one table per module, each saying what it is for and how it is matched.

``verbs`` (meeting verbs and their frames), ``organisations`` (names, kind, seat), ``countries``
(country names pycountry lacks, terms never to match), ``demonyms`` (nationality adjectives),
``places`` (cities that name their country), ``groups`` (group bodies), ``people`` (ranks, office
words, where a name ends), ``markers`` (background, passing mentions, other alliances), ``topics``.
"""
