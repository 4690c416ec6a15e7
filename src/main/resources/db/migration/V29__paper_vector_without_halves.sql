-- The rows still waiting for their halves (V27), usually none: the index of recent papers counts those of its window
-- at each look, to notice when the background sweep has added some, without reading every row of the window.
create index paper_vector_without_halves on paper_vector (paper_id) where halves is null;
