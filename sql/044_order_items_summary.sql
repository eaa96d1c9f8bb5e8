-- mallpay migration 044: each order carries the summary of its lines that
-- My Orders shows (the products' names, the number of lines, the first
-- line's category), so the list reads one row per order and no lines.
--
-- items_names: the lines' names in line order, "\n" between, cut to 400
--   characters (the list shows the first few);
-- items_count: the number of lines;
-- items_category: the slug of the first line's product's category when
--   the line was added ('' if it had none).
--
-- An order's lines are written once, when it is placed, and never changed
-- or removed; the trigger below adds each new line to its order's summary
-- in the transaction that inserts it. An INSERT of lines must therefore
-- not read `orders` itself (MariaDB refuses a trigger that updates a table
-- its statement reads). `mallpayctl check` compares each summary's count
-- with the lines.

ALTER TABLE orders
	ADD COLUMN items_names VARCHAR(400) NOT NULL DEFAULT '',
	ADD COLUMN items_count INT NOT NULL DEFAULT 0,
	ADD COLUMN items_category VARCHAR(64) NOT NULL DEFAULT '';

UPDATE orders o SET
	o.items_names = COALESCE(LEFT((SELECT GROUP_CONCAT(i.name ORDER BY i.id
	    SEPARATOR '\n') FROM order_items i WHERE i.order_id = o.id), 400), ''),
	o.items_category = COALESCE((SELECT c.slug FROM order_items i
	    JOIN products p ON p.id = i.product_id
	    JOIN categories c ON c.id = p.category_id
	    WHERE i.order_id = o.id ORDER BY i.id LIMIT 1), ''),
	o.items_count = (SELECT COUNT(*) FROM order_items i
	    WHERE i.order_id = o.id);

-- Each new line onto its order's summary (assignments run left to right:
-- items_count is still the count before this line until the last one).
CREATE TRIGGER order_items_ai_summary AFTER INSERT ON order_items FOR EACH ROW
	UPDATE orders SET
	    items_names = LEFT(IF(items_count = 0, NEW.name,
		CONCAT(items_names, '\n', NEW.name)), 400),
	    items_category = IF(items_count = 0, COALESCE((SELECT c.slug
		FROM products p JOIN categories c ON c.id = p.category_id
		WHERE p.id = NEW.product_id), ''), items_category),
	    items_count = items_count + 1
	WHERE id = NEW.order_id;
